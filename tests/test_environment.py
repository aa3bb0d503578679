"""environment.yml (conda) and pyproject.toml (pip) must pin the same packages."""

from __future__ import annotations

import re
import tomllib

import yaml

from helpers import config


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject_pins() -> dict[str, str]:
    data = tomllib.loads(
        (config.PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    )
    specs = list(data["project"]["dependencies"])
    for extra in data["project"].get("optional-dependencies", {}).values():
        specs.extend(extra)
    pins = {}
    for spec in specs:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==([A-Za-z0-9_.+-]+)", spec.strip())
        assert match, (
            f"pyproject.toml: {spec!r} is not pinned to an exact version (name==x.y.z)"
        )
        pins[_normalise(match[1])] = match[2]
    return pins


def _environment_pins() -> dict[str, str]:
    env = yaml.safe_load(
        (config.PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8")
    )
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for spec in dep.get("pip", []):
                if spec.startswith("-e"):
                    continue
                name, _, version = spec.partition("==")
                pins[_normalise(name)] = version
        elif not dep.startswith(("python", "pip")) or dep.startswith("python-"):
            name, _, version = dep.partition("=")
            pins[_normalise(name)] = version.lstrip("=")
    return pins


def test_every_dependency_is_pinned_exactly():
    assert _pyproject_pins(), "pyproject.toml lists no dependencies"


def test_environment_yml_matches_pyproject():
    assert _environment_pins() == _pyproject_pins()


def test_environment_yml_uses_conda_forge_python_311_and_installs_the_package():
    env = yaml.safe_load(
        (config.PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8")
    )
    assert env["channels"] == ["conda-forge"]
    assert "python=3.11" in env["dependencies"]
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section


def test_installed_versions_match_the_pins():
    from importlib.metadata import PackageNotFoundError, version

    mismatches = {}
    for name, pinned in _pyproject_pins().items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            mismatches[name] = (pinned, None)
            continue
        if installed != pinned:
            mismatches[name] = (pinned, installed)
    assert not mismatches, (
        f"installed versions differ from pyproject.toml pins: {mismatches}"
    )
