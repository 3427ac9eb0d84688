"""The event wing: the main window, its photo grid, the review, the quick check and export."""
