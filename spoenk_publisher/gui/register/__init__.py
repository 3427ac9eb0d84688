"""The register wing: the register window, its actions, dialogs and models, the CSV import."""
