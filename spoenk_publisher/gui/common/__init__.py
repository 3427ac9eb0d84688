"""What both wings share: how an error reaches the screen, the settings dialog."""
