"""The Zero to JupyterHub overlay validates against the pinned chart's values schema (defaults merged like helm)."""

import copy
import json
import os

import jsonschema
import pytest
import yaml

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
Z2JH = os.path.join(REPO, "deploy", "z2jh")
CHART_VERSION = "4.4.0"


def load(name):
    with open(os.path.join(Z2JH, name), encoding="utf-8") as handle:
        return json.load(handle) if name.endswith(".json") else yaml.safe_load(handle)


def merge(base, overlay):
    """Helm's merge of user values over chart defaults: maps merge recursively, everything else replaces."""
    result = copy.deepcopy(base)
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


@pytest.fixture(scope="module")
def schema():
    return load(f"schema/values.schema-{CHART_VERSION}.json")


@pytest.fixture(scope="module")
def merged():
    return merge(load(f"schema/chart-values-{CHART_VERSION}.yaml"), load("values.yaml"))


def errors(schema, values):
    return sorted(e.message for e in jsonschema.Draft7Validator(schema).iter_errors(values))


def test_overlay_names_the_pinned_chart_version():
    assert f"--version {CHART_VERSION}" in open(os.path.join(Z2JH, "values.yaml")).read()


def test_overlay_validates(schema, merged):
    assert errors(schema, merged) == []


def test_the_schema_rejects_a_misspelt_key(schema, merged):
    bad = copy.deepcopy(merged)
    bad["singleuser"]["memory"]["garantee"] = "1G"
    assert errors(schema, bad)
    bad = copy.deepcopy(merged)
    bad["cull"]["timeout"] = "satu jam"
    assert errors(schema, bad)


def test_overlay_content(merged):
    single = merged["singleuser"]
    assert [p["slug"] for p in single["profileList"]] == ["peserta", "instruktur"]
    assert single["extraEnv"]["JUPYTER_CONFIG_PATH"].startswith("/etc/kelas-humas/nbgrader/peserta:")
    assert any(m["mountPath"] == "/srv/nbgrader/exchange" for m in single["storage"]["extraVolumeMounts"])
    assert merged["cull"]["enabled"] is True and merged["cull"]["timeout"] == 3600
    groups = merged["hub"]["config"]["JupyterHub"]["load_groups"]
    assert {"formgrade-kelas-humas-digital", "nbgrader-kelas-humas-digital"} <= set(groups)
    role = merged["hub"]["loadRoles"]["formgrader-kelas-humas-digital"]
    assert role["groups"] == ["formgrade-kelas-humas-digital"]


def test_extra_config_is_python(merged):
    for name, code in merged["hub"]["extraConfig"].items():
        compile(code, name, "exec")


def test_memory_request_covers_the_measured_active_server(merged):
    # tests/deploy/test_hub_loopback.py measured an active trainee server at about 300 MiB RSS.
    guarantee = merged["singleuser"]["memory"]["guarantee"]
    assert guarantee.endswith("M") and int(guarantee[:-1]) * 10**6 >= 297 * 2**20
