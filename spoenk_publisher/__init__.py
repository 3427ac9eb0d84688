"""Spoenk Publisher: publish school photos only with consent."""

import os

# Nothing leaves the machine. onnxruntime (from 1.2x on Linux and macOS) starts a telemetry
# uploader, writes a device id under ~/.cache/Microsoft and sends usage events unless this is set
# before it is first imported; it is read once per process. Set here, before any module of the
# app imports onnxruntime, so the app, the command line, every analysis process (they import
# this package first) and the bundle all run without it. Forced, not a default: a user's
# environment cannot switch it back on.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"
