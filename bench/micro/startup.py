# Start-up and exit alone.
pass
