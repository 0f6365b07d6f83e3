"""Small helpers every app may use; core imports no app and no part of config."""
