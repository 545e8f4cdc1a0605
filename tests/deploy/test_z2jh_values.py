"""The Zero to JupyterHub overlay, validated as Helm validates it, for chart 4.4.0.

Helm merges the chart's default values with the overlay (maps key by key; lists and scalars replaced; a null in
the overlay removes the default) and validates the result against the chart's ``values.schema.json`` (JSON
Schema draft 7). The official schema and defaults of chart 4.4.0 are in ``../shared/z2jh/`` relative to the
repository root (see its README); this test reads them from there and fails — it never skips — when they are
missing. On top of that, the same merged values must follow ``deploy/z2jh/project-rules.schema.json`` (what the
official schema leaves open: profiles, volumes, mounts, lifecycle hooks, memory and CPU forms, trait names,
roles), and what JSON Schema cannot say is checked here in Python: guarantee <= limit, one default profile,
mounts naming declared volumes.
"""

import copy
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

REPO = Path(__file__).absolute().parents[2]


def main_checkout(repo: Path) -> Path:
    """The repository's main working tree: ``repo`` itself, or, for a ``git worktree``, the checkout whose
    ``.git`` folder it shares (read from the ``.git`` file and ``commondir``, no git command)."""
    dot_git = repo / ".git"
    if not dot_git.is_file():
        return repo
    gitdir = Path(dot_git.read_text(encoding="utf-8").split("gitdir:", 1)[1].strip())
    gitdir = gitdir if gitdir.is_absolute() else (repo / gitdir)
    common = gitdir / "commondir"
    if common.is_file():
        gitdir = gitdir / common.read_text(encoding="utf-8").strip()
    return gitdir.resolve().parent


# ../shared/z2jh from the repository root (from the main checkout when the tests run in a git worktree).
SHARED_Z2JH = next((root.parent / "shared" / "z2jh" for root in (REPO, main_checkout(REPO))
                    if (root.parent / "shared" / "z2jh").is_dir()), REPO.parent / "shared" / "z2jh")
Z2JH = REPO / "deploy" / "z2jh"
CHART_VERSION = "4.4.0"
OVERLAY_PATH = Z2JH / "values.yaml"
PROJECT_RULES_PATH = Z2JH / "project-rules.schema.json"

# Powers of 1024, as JupyterHub's ByteSpecification (KubeSpawner mem_limit / mem_guarantee) reads them.
MEMORY_SUFFIXES = {"K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}
# Measured in tests/deploy/test_hub_loopback.py: an active trainee server (kernel running the course tools).
MEASURED_ACTIVE_SERVER_BYTES = 297 * 2**20


# ---------------------------------------------------------------------------------------------- helpers


def memory_bytes(spec):
    """Bytes of a memory specification (int bytes, or number + K/M/G/T); None when unset."""
    if spec is None:
        return None
    if isinstance(spec, int) and not isinstance(spec, bool):
        return spec
    text = str(spec)
    if text[-1:] not in MEMORY_SUFFIXES:
        raise ValueError(f"not a memory specification: {spec!r}")
    return int(float(text[:-1]) * MEMORY_SUFFIXES[text[-1]])


def effective_resources(singleuser, override):
    """Memory (bytes) and CPU a profile ends up with: its kubespawner_override over the singleuser values."""
    memory = singleuser.get("memory") or {}
    cpu = singleuser.get("cpu") or {}
    return {
        "mem_guarantee": memory_bytes(override.get("mem_guarantee", memory.get("guarantee"))),
        "mem_limit": memory_bytes(override.get("mem_limit", memory.get("limit"))),
        "cpu_guarantee": override.get("cpu_guarantee", cpu.get("guarantee")),
        "cpu_limit": override.get("cpu_limit", cpu.get("limit")),
    }


def resource_problems(values):
    """Guarantees above limits, for the default server and for every profile."""
    singleuser = values.get("singleuser") or {}
    cases = [("singleuser", {})]
    cases += [
        (f"profil {p.get('slug') or p.get('display_name')}", p.get("kubespawner_override") or {})
        for p in singleuser.get("profileList") or []
    ]
    problems = []
    for where, override in cases:
        res = effective_resources(singleuser, override)
        for kind in ("mem", "cpu"):
            guarantee, limit = res[f"{kind}_guarantee"], res[f"{kind}_limit"]
            if guarantee is not None and limit is not None and guarantee > limit:
                problems.append(f"{where}: {kind}_guarantee {guarantee} melebihi {kind}_limit {limit}")
    return problems


def profile_problems(values):
    """At most one default profile and unique slugs."""
    profiles = (values.get("singleuser") or {}).get("profileList") or []
    problems = []
    defaults = [p.get("display_name") for p in profiles if p.get("default") is True]
    if len(defaults) > 1:
        problems.append(f"lebih dari satu profil default: {defaults}")
    slugs = [p["slug"] for p in profiles if "slug" in p]
    duplicates = sorted({s for s in slugs if slugs.count(s) > 1})
    if duplicates:
        problems.append(f"slug ganda: {duplicates}")
    return problems


def names(items):
    """Names of a volume or mount list (the chart accepts a list or a mapping of them)."""
    if isinstance(items, dict):
        items = list(items.values())
    return {item["name"] for item in items or []}


def mount_problems(values):
    """Volume mounts that name no declared volume (Kubernetes refuses such a pod)."""
    singleuser = values.get("singleuser") or {}
    storage = singleuser.get("storage") or {}
    problems = []
    missing = names(storage.get("extraVolumeMounts")) - names(storage.get("extraVolumes"))
    if missing:
        problems.append(f"singleuser.storage: mount tanpa volume {sorted(missing)}")
    for profile in singleuser.get("profileList") or []:
        override = profile.get("kubespawner_override") or {}
        if "volume_mounts" in override:
            declared = names(override.get("volumes", storage.get("extraVolumes")))
            missing = names(override["volume_mounts"]) - declared
            if missing:
                problems.append(f"profil {profile.get('slug')}: mount tanpa volume {sorted(missing)}")
    return problems




# ---------------------------------------------------------------------------------------------- helpers


def load_json(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_yaml(path):
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def helm_values(defaults, overlay):
    """The values Helm renders with: the chart defaults with the overlay on top. Mappings are merged key by key,
    lists and scalars are replaced, and a key set to null in the overlay is removed."""
    if not (isinstance(defaults, dict) and isinstance(overlay, dict)):
        return copy.deepcopy(overlay)
    merged = copy.deepcopy(defaults)
    for key, value in overlay.items():
        if value is None:
            merged.pop(key, None)
        elif key in merged:
            merged[key] = helm_values(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def errors(schema, values):
    """(path, message) of every draft-7 schema violation, sorted; [] when valid."""
    validator = jsonschema.Draft7Validator(schema)
    return sorted(("/".join(map(str, e.absolute_path)), e.message) for e in validator.iter_errors(values))


def changed(values, path, value):
    """A deep copy of values with the item at path (keys and list indexes) set to value."""
    result = copy.deepcopy(values)
    *parents, last = path
    node = result
    for key in parents:
        node = node[key]
    node[last] = value
    return result


def removed(values, path):
    """A deep copy of values without the item at path."""
    result = copy.deepcopy(values)
    *parents, last = path
    node = result
    for key in parents:
        node = node[key]
    del node[last]
    return result


def _shared(name):
    path = SHARED_Z2JH / name
    if not path.is_file():
        pytest.fail(f"Skema resmi chart Zero to JupyterHub {CHART_VERSION} tidak ditemukan: {path} "
                    "(../shared/z2jh dari akar repositori; lihat README di folder itu).")
    return path


@pytest.fixture(scope="module")
def official():
    return load_json(_shared("values.schema.json"))


@pytest.fixture(scope="module")
def defaults():
    return load_yaml(_shared("values.yaml"))


@pytest.fixture(scope="module")
def project():
    return load_json(PROJECT_RULES_PATH)


@pytest.fixture(scope="module")
def overlay():
    return load_yaml(OVERLAY_PATH)


@pytest.fixture(scope="module")
def problems(official, project, defaults):
    """Everything wrong with an overlay: the official schema and the project rules on the merged values, then
    the Python checks."""
    def check(overlay):
        values = helm_values(defaults, overlay)
        found = errors(official, values) + errors(project, values)
        if found:  # the Python checks read well-formed values only
            return found
        return resource_problems(values) + profile_problems(values) + mount_problems(values)

    return check


# ---------------------------------------------------------------------------------------------- the schemas


def test_official_schema_is_a_valid_draft7_schema(official):
    assert official["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(official)
    readme = (SHARED_Z2JH / "README.md").read_text(encoding="utf-8")
    assert CHART_VERSION in readme


def test_project_rules_are_a_valid_draft7_schema(project):
    assert project["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(project)


def test_the_chart_defaults_pass_both_schemas(official, project, defaults):
    assert errors(official, defaults) == []
    assert errors(project, defaults) == []


def test_helm_merge_semantics():
    defaults = {"a": {"b": 1, "c": [1, 2], "d": {"e": 1}}, "f": "x", "g": 1}
    overlay = {"a": {"c": [3], "d": {"h": 2}}, "f": None, "i": {"j": 1}}
    assert helm_values(defaults, overlay) == {"a": {"b": 1, "c": [3], "d": {"e": 1, "h": 2}}, "g": 1, "i": {"j": 1}}
    assert defaults["a"]["c"] == [1, 2]  # the inputs are not changed


def test_overlay_names_the_chart_version_it_targets():
    text = OVERLAY_PATH.read_text(encoding="utf-8")
    assert f"--version {CHART_VERSION}" in text and "../shared/z2jh" in text
    readme = (Z2JH / "README.md").read_text(encoding="utf-8")
    assert f"chart {CHART_VERSION}" in readme
    for guide in ("GUIDE.id.md", "GUIDE.en.md"):
        assert f"--version {CHART_VERSION}" in (REPO / "deploy" / guide).read_text(encoding="utf-8")


def test_overlay_merged_with_the_chart_defaults_validates_against_the_official_schema(official, defaults, overlay):
    assert errors(official, helm_values(defaults, overlay)) == []


def test_overlay_follows_the_project_rules(project, defaults, overlay):
    assert errors(project, helm_values(defaults, overlay)) == []


def test_no_problem_at_all(problems, overlay):
    assert problems(overlay) == []


# Overlays the official schema itself rejects (after the merge, as Helm would).
REJECTED_BY_THE_CHART = [
    (["singleUser"], {}),
    (["singleuser", "memory", "garantee"], "1G"),
    (["cull", "timout"], 600),
    (["cull", "timeout"], "satu jam"),
    (["cull", "enabled"], "ya"),
    (["hub", "db", "type"], "sqlite"),
    (["hub", "db", "pvc", "storageClass"], "nfs"),
    (["singleuser", "storage", "type"], "nfs"),
    (["singleuser", "image", "tag"], 0.1),
    (["singleuser", "cpu", "limit"], "500m"),
    (["scheduling", "userPlaceholder", "replica"], 2),
    (["prePuller", "continous"], {"enabled": True}),
    (["hub", "config", "jupyterHub"], {"admin_access": False}),
]


@pytest.mark.parametrize("path,value", REJECTED_BY_THE_CHART,
                         ids=[f"{'/'.join(map(str, p))}={v!r}" for p, v in REJECTED_BY_THE_CHART])
def test_an_overlay_the_official_schema_rejects_fails(official, defaults, overlay, problems, path, value):
    bad = changed(overlay, path, value)
    assert errors(official, helm_values(defaults, bad))
    assert problems(bad)


def test_removing_a_required_chart_default_is_rejected(official, defaults, overlay):
    """A null in the overlay removes the default (as in Helm); the official schema then misses a required key."""
    assert errors(official, helm_values(defaults, changed(overlay, ["cull", "enabled"], None)))
    image = changed(overlay, ["singleuser", "image"], {"name": None})
    assert errors(official, helm_values(defaults, image))


# Mappings of the overlay whose keys are names chosen by us (groups, roles, snippets, variables, classes, traits).
OPEN_MAPS = {
    "hub/config", "hub/config/JupyterHub", "hub/config/Authenticator", "hub/config/JupyterHub/load_groups",
    "hub/loadRoles", "hub/extraConfig", "hub/resources/requests", "hub/resources/limits", "singleuser/extraEnv",
    "singleuser/profileList/1/kubespawner_override", "singleuser/profileList/1/kubespawner_override/environment",
}


def mapping_paths(node, path=()):
    """Paths (tuples of keys and indexes) of every mapping in a YAML tree, the root included."""
    if isinstance(node, dict):
        yield path
        for key, value in node.items():
            yield from mapping_paths(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from mapping_paths(value, path + (index,))


def rejects_key(schemas, values, key):
    """True when validation fails because of the unknown key itself (directly or inside anyOf branches)."""
    def mentions(error):
        return f"'{key}' was unexpected" in error.message or any(mentions(sub) for sub in error.context or ())

    return any(mentions(e) for schema in schemas for e in jsonschema.Draft7Validator(schema).iter_errors(values))


def test_every_mapping_the_overlay_uses_is_closed(official, project, defaults, overlay):
    """Outside OPEN_MAPS, adding an unknown key anywhere in the overlay fails because of that key (the official
    schema closes the chart's own mappings, the project rules the profiles, volumes, mounts and hooks)."""
    checked = 0
    for path in mapping_paths(overlay):
        if "/".join(map(str, path)) in OPEN_MAPS:
            continue
        bad = changed(overlay, list(path) + ["kunciSalahKetik"], 1) if path else dict(overlay, kunciSalahKetik=1)
        assert rejects_key((official, project), helm_values(defaults, bad), "kunciSalahKetik"), \
            f"unknown key accepted at {'/'.join(map(str, path))}"
        checked += 1
    assert checked >= 30  # the overlay has this many closed mappings; fewer means the walk broke


# Misspelt keys, at several depths of the overlay.
MISSPELT = [
    (["singleUser"], {}),
    (["singleuser", "memory", "garantee"], "1G"),
    (["cull", "timout"], 600),
    (["hub", "loadRole"], {}),
    (["hub", "loadRoles", "server", "scope"], ["self"]),
    (["hub", "db", "pvc", "storageClass"], "nfs"),
    (["singleuser", "storage", "extraVolumeMounts", 0, "mountpath"], "/srv/x"),
    (["singleuser", "storage", "extraVolumes", 0, "persistentVolumeClam"], {"claimName": "x"}),
    (["singleuser", "profileList", 1, "kubespawner_overide"], {}),
    (["singleuser", "profileList", 0, "displayName"], "Peserta"),
    (["singleuser", "lifecycleHooks", "postStart", "exec", "commands"], ["true"]),
    (["scheduling", "userPlaceholder", "replica"], 2),
    (["prePuller", "continous"], {"enabled": True}),
    (["hub", "config", "JupyterHub", "loadGroups"], {}),
    (["hub", "config", "Authenticator", "adminUsers"], ["admin"]),
]


@pytest.mark.parametrize("path,value", MISSPELT, ids=["/".join(map(str, p)) for p, _ in MISSPELT])
def test_a_misspelt_key_is_rejected(problems, overlay, path, value):
    assert problems(changed(overlay, path, value))


# Wrong types and values outside the documented ones.
WRONG = [
    (["cull", "timeout"], "satu jam"),
    (["cull", "timeout"], 3600.5),
    (["cull", "timeout"], True),
    (["cull", "enabled"], "ya"),
    (["singleuser", "image", "tag"], 0.1),
    (["singleuser", "memory", "limit"], "512Mi"),
    (["singleuser", "memory", "limit"], "512"),
    (["singleuser", "memory", "guarantee"], "320 M"),
    (["singleuser", "cpu", "limit"], "500m"),
    (["singleuser", "storage", "type"], "nfs"),
    (["singleuser", "storage", "type"], "sqlite-pvc"),
    (["hub", "db", "type"], "sqlite"),
    (["hub", "resources", "limits", "memory"], "1 GB"),
    (["singleuser", "defaultUrl"], "lab"),
    (["singleuser", "storage", "extraVolumeMounts", 0, "mountPath"], "srv/nbgrader/exchange"),
    (["singleuser", "storage", "extraVolumes", 0, "name"], "Nbgrader_Exchange"),
    (["singleuser", "profileList", 0, "default"], "yes"),
    (["singleuser", "profileList", 1, "slug"], "Instruktur Kursus"),
    (["singleuser", "profileList", 1, "kubespawner_override", "mem_limit"], "2Gi"),
    (["singleuser", "profileList", 1, "kubespawner_override", "cpu_limit"], "2000m"),
    (["hub", "loadRoles", "server", "scopes", 0], "users:activity!usr"),
    (["hub", "loadRoles", "server", "scopes", 0], "users:activity!user!server"),
    (["hub", "config", "Authenticator", "allow_all"], "true"),
    (["hub", "config", "JupyterHub", "load_groups", "nbgrader-kelas-humas-digital"], {"member": []}),
    (["hub", "extraConfig", "kelasHumas"], ["c.KubeSpawner.uid = 1"]),
    (["scheduling", "userPlaceholder", "replicas"], -1),
]


@pytest.mark.parametrize("path,value", WRONG, ids=[f"{'/'.join(map(str, p))}={v!r}" for p, v in WRONG])
def test_a_wrong_type_or_value_is_rejected(problems, overlay, path, value):
    assert problems(changed(overlay, path, value))


@pytest.mark.parametrize("timeout,valid", [(0, False), (-1, False), (1, True), (86400, True)])
def test_cull_timeout_must_be_a_positive_integer(problems, overlay, timeout, valid):
    assert (problems(changed(overlay, ["cull", "timeout"], timeout)) == []) is valid


@pytest.mark.parametrize("value,valid", [
    ("1.5G", True), (335544320, True), ("2T", True), ("100K", True), (None, True),
    ("1.5", False), ("1g", False), ("1Gi", False), (0, False), (-5, False),
])
def test_memory_specifications_at_their_edges(problems, overlay, value, valid):
    bad = changed(changed(overlay, ["singleuser", "memory", "guarantee"], None), ["singleuser", "memory", "limit"], value)
    assert (problems(bad) == []) is valid


@pytest.mark.parametrize("value,valid", [(0.01, True), (0.05, True), (None, True), (0, False), (-1, False)])
def test_cpu_specifications_at_their_edges(problems, overlay, value, valid):
    assert (problems(changed(overlay, ["singleuser", "cpu", "guarantee"], value)) == []) is valid


def test_a_profile_without_display_name_is_rejected(problems, overlay):
    assert problems(removed(overlay, ["singleuser", "profileList", 0, "display_name"]))
    assert problems(changed(overlay, ["singleuser", "profileList", 0, "display_name"], ""))
    # The other fields are optional: a profile with only a display name is valid.
    assert problems(changed(overlay, ["singleuser", "profileList", 0], {"display_name": "Peserta"})) == []


def test_a_volume_needs_exactly_one_source(problems, overlay):
    volume = ["singleuser", "storage", "extraVolumes", 0]
    assert problems(changed(overlay, volume, {"name": "nbgrader-exchange"}))
    two = {"name": "nbgrader-exchange", "emptyDir": {}, "persistentVolumeClaim": {"claimName": "x"}}
    assert problems(changed(overlay, volume, two))
    assert problems(changed(overlay, volume, {"name": "nbgrader-exchange", "emptyDir": {}})) == []


def test_unused_documented_keys_are_accepted(problems, overlay):
    """Neither schema is closed too far: documented keys the overlay does not use yet pass."""
    extra = copy.deepcopy(overlay)
    extra["cull"].update(adminUsers=False, removeNamedServers=True, concurrency=10, maxAge=0)
    extra["singleuser"]["storage"]["type"] = "static"
    extra["singleuser"]["storage"]["static"] = {"pvcName": "home-nfs", "subPath": "{username}"}
    extra["hub"]["db"] = {"type": "postgres", "url": "postgresql+psycopg2://hub@db:5432/hub"}
    extra["hub"]["services"] = {"ngshare": {"url": "http://ngshare:8080", "apiToken": "GANTI"}}
    extra["singleuser"]["lifecycleHooks"]["preStop"] = {"exec": {"command": ["true"]}}
    assert problems(extra) == []


# ---------------------------------------------------------------------------------------------- Python checks


def test_memory_bytes_reads_like_jupyterhub():
    """Our parser agrees with JupyterHub's ByteSpecification, which KubeSpawner uses for mem_limit/mem_guarantee."""
    from jupyterhub.traitlets import ByteSpecification
    from traitlets import HasTraits

    class Holder(HasTraits):
        value = ByteSpecification(None, allow_none=True)

    holder = Holder()
    for spec in ["320M", "1G", "1.5G", "2T", "100K", 1048576]:
        holder.value = spec
        assert memory_bytes(spec) == holder.value, spec


def test_overlay_guarantees_do_not_exceed_limits(defaults, overlay):
    assert resource_problems(helm_values(defaults, overlay)) == []


@pytest.mark.parametrize("guarantee,limit,ok", [("1G", "1G", True), ("1025M", "1G", False), ("1023M", "1G", True)])
def test_memory_guarantee_above_limit_is_found(overlay, guarantee, limit, ok):
    values = changed(changed(overlay, ["singleuser", "memory", "guarantee"], guarantee),
                     ["singleuser", "memory", "limit"], limit)
    assert (resource_problems(values) == []) is ok


def test_a_profile_guarantee_above_its_limit_is_found(overlay):
    override = ["singleuser", "profileList", 1, "kubespawner_override"]
    assert resource_problems(changed(overlay, override + ["mem_guarantee"], "3G"))
    assert resource_problems(changed(overlay, override + ["cpu_limit"], 0.01))
    # The Peserta profile has no override: it inherits singleuser, so a bad singleuser pair is reported for it too.
    bad = changed(overlay, ["singleuser", "cpu", "guarantee"], 1.5)
    assert any(p.startswith("profil peserta") for p in resource_problems(bad))


def test_memory_request_covers_the_measured_active_server(overlay):
    # tests/deploy/test_hub_loopback.py measured an active trainee server at 297 MiB RSS.
    assert memory_bytes(overlay["singleuser"]["memory"]["guarantee"]) >= MEASURED_ACTIVE_SERVER_BYTES
    assert memory_bytes("296M") < MEASURED_ACTIVE_SERVER_BYTES <= memory_bytes("297M")


def test_profiles_have_one_default_and_unique_slugs(overlay):
    assert profile_problems(overlay) == []
    both_default = changed(overlay, ["singleuser", "profileList", 1, "default"], True)
    assert profile_problems(both_default)
    same_slug = changed(overlay, ["singleuser", "profileList", 1, "slug"], "peserta")
    assert profile_problems(same_slug)


def test_every_mount_names_a_declared_volume(overlay):
    assert mount_problems(overlay) == []
    renamed = changed(overlay, ["singleuser", "profileList", 1, "kubespawner_override", "volume_mounts", 0, "name"],
                      "nbgrader-kursus")
    assert mount_problems(renamed)
    assert mount_problems(changed(overlay, ["singleuser", "storage", "extraVolumes"], []))


def test_overlay_content(overlay):
    single = overlay["singleuser"]
    assert [p["slug"] for p in single["profileList"]] == ["peserta", "instruktur"]
    assert single["extraEnv"]["JUPYTER_CONFIG_PATH"].startswith("/etc/kelas-humas/nbgrader/peserta:")
    assert any(m["mountPath"] == "/srv/nbgrader/exchange" for m in single["storage"]["extraVolumeMounts"])
    assert overlay["cull"]["enabled"] is True and overlay["cull"]["timeout"] == 3600
    groups = overlay["hub"]["config"]["JupyterHub"]["load_groups"]
    assert {"formgrade-kelas-humas-digital", "nbgrader-kelas-humas-digital"} <= set(groups)
    role = overlay["hub"]["loadRoles"]["formgrader-kelas-humas-digital"]
    assert role["groups"] == ["formgrade-kelas-humas-digital"]


def test_extra_config_is_python(overlay):
    for name, code in overlay["hub"]["extraConfig"].items():
        compile(code, name, "exec")
