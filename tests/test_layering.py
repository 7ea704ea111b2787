"""Import structure that import-linter's contracts (pyproject.toml) do not express: no module
of consultations imports, through any chain, a module that imports it back."""

import grimp


def test_consultations_has_no_import_circle():
    graph = grimp.build_graph("consultations", cache_dir=None)
    circles = [
        (module, imported)
        for module in sorted(graph.modules)
        for imported in sorted(graph.find_modules_directly_imported_by(module))
        if graph.find_shortest_chain(importer=imported, imported=module)
    ]
    assert circles == []


def test_no_model_module_imports_views():
    graph = grimp.build_graph("consultations", "actionplans", cache_dir=None)
    models = [m for m in graph.modules if ".models" in m]
    views = [m for m in graph.modules if m.rsplit(".", 1)[-1] == "views"]
    assert [
        (model, view)
        for model in models
        for view in views
        if graph.direct_import_exists(importer=model, imported=view)
    ] == []
