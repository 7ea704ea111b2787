"""pytest-xdist scheduling for `--dist loadgroup` (tests/conftest.py): a test marked with
`xdist_group` runs on the worker that has its group, as in xdist's own loadgroup, and the other
tests run on the worker that has their module (xdist's loadgroup would spread them one by one,
and each worker would then build the module-scoped fixtures again)."""

from xdist.scheduler import LoadScopeScheduling


class GroupsAndModules(LoadScopeScheduling):
    def _split_scope(self, nodeid: str) -> str:
        # xdist appends "@group" to the node id of a grouped test; "]" ends parameters (an
        # "@" among them is no group).
        if nodeid.rfind("@") > nodeid.rfind("]"):
            return nodeid.rsplit("@", 1)[-1]
        return nodeid.split("::", 1)[0]
