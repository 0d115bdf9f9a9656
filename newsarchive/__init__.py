"""newsarchive: the command line and its settings."""
