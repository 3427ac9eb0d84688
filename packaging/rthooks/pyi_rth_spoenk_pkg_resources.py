"""PyInstaller runtime hook: the one function of ``pkg_resources`` that the bundle needs.

``face_recognition_models`` finds its ``.dat`` files with ``pkg_resources.resource_filename``.
The real ``pkg_resources`` (setuptools < 81) is left out of the bundle: importing it costs about
0.1 s on every start, the command line's included (PyInstaller's own hook for it imports it before
the app runs), and it scans every installed distribution to answer a path join. In the bundle the
models are plain files under ``sys._MEIPASS/face_recognition_models/models`` (the spec collects
them), so a path join is the whole answer.
"""


def _install_resource_filename() -> None:
    import os
    import sys
    import types

    if "pkg_resources" in sys.modules:
        return

    def resource_filename(package: str, resource: str) -> str:
        return os.path.join(sys._MEIPASS, *package.split("."), *resource.split("/"))

    module = types.ModuleType("pkg_resources", "Bundle stand-in: resource_filename only.")
    module.resource_filename = resource_filename
    sys.modules["pkg_resources"] = module


_install_resource_filename()
del _install_resource_filename
