"""`mkdocs serve`: the hooks MkDocs loads are the plugin's, and serving starts loading what an edit needs."""

from __future__ import annotations

import importlib.util
import inspect
import subprocess
import sys

import briefing.hook
from conftest import ROOT


def test_build_site_exports_every_hook():
    """MkDocs takes a hook file's on_* functions: one the hook module has and build_site.py does not
    re-export never runs (on_serve went missing this way)."""
    spec = importlib.util.spec_from_file_location("build_site_under_test", ROOT / "build_site.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    hooks = {n for n, f in inspect.getmembers(briefing.hook, inspect.isfunction)
             if n.startswith("on_") and f.__module__ == "briefing.hook"}
    assert "on_serve" in hooks
    assert hooks <= set(vars(module)), sorted(hooks - set(vars(module)))


PRELOAD = """
import sys, threading
from briefing.annotate import nlp
from briefing.plugin import BriefingPlugin
assert nlp._load.cache_info().currsize == 0 and "sklearn" not in sys.modules
server = object()
assert BriefingPlugin().on_serve(server, config=None, builder=None) is server
for t in threading.enumerate():
    if t.name == "briefing-preload":
        t.join(120)
print(nlp._load.cache_info().currsize, "sklearn.decomposition" in sys.modules)
"""


def test_serving_loads_spacy_and_scikit_learn_in_the_background():
    """A fresh process: nothing loaded before on_serve, both after its thread ends."""
    done = subprocess.run([sys.executable, "-c", PRELOAD], cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["1", "True"]
