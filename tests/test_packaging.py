"""Every data file the packages read ships in the wheel: its suffix is in pyproject's package-data."""

from __future__ import annotations

import subprocess
import tomllib

from tests.conftest import REPO


def test_every_data_file_of_the_packages_is_package_data():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    packages = [pattern.rstrip("*") for pattern in config["packages"]["find"]["include"]]
    shipped = {pattern.removeprefix("*") for pattern in config["package-data"]["*"]}
    tracked = subprocess.run(["git", "ls-files", *packages], cwd=REPO, capture_output=True, text=True,
                             check=True).stdout.splitlines()
    missing = [path for path in tracked
               if not path.endswith((".py", ".pyi")) and not any(path.endswith(suffix) for suffix in shipped)]
    assert missing == [], f"data files a wheel would leave out (add their suffix to package-data): {missing}"
