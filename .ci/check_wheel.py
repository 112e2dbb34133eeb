"""Check that the installed wheel carries its data files and py.typed and is imported from site-packages."""

import importlib.resources

import partydocs

package = importlib.resources.files("partydocs")
assert package.joinpath("py.typed").is_file(), "py.typed is missing from the wheel"
data_files = [entry.name for entry in package.joinpath("data").iterdir() if entry.name.endswith(".json")]
assert data_files, "the wheel has no data files"
assert "site-packages" in str(partydocs.__file__), partydocs.__file__
print(f"wheel: py.typed and {len(data_files)} data files, imported from {partydocs.__file__}")
