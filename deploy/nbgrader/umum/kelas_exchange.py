"""Exchange classes for Kelas Humas Digital on a shared JupyterHub (Unix accounts, one exchange folder).

nbgrader's default submit leaves a submission world-readable (0644 files in a 0777 folder) and relies on an
unguessable folder name inside the unlistable inbound folder. `PrivateSubmit` closes the submission folder
(0770) to everyone but its owner and its group. nbgrader's release step creates the inbound folder set-GID with
the grader's group, so a new submission folder gets the grader's group: the grader enters, collects and
removes it; another trainee cannot enter it, so cannot read or change anything inside even when the path is
known. Files inside stay 0644: the last ones nbgrader writes (timestamp, secret) have the trainee's group,
and the closed folder is what keeps others out.

`OwnerCheckedCollect` collects a submission only when its folder belongs to the trainee named in it; stock
nbgrader only logs a warning when a trainee submits under someone else's name.
"""

import os
import pwd
from stat import S_IRGRP, S_IROTH, S_IRUSR, S_IRWXG, S_IRWXU, S_IWUSR

from nbgrader.exchange.default.collect import ExchangeCollect
from nbgrader.exchange.default.submit import ExchangeSubmit

FILE_MODE = S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH  # 0644, behind a closed folder
DIR_MODE = S_IRWXU | S_IRWXG  # 0770: the grader's group enters, collects and may remove it


def restrict_tree(top):
    """Give a submission folder and everything under it the private modes (folders closed to others)."""
    for dirpath, _dirnames, filenames in os.walk(top):
        for name in filenames:
            os.chmod(os.path.join(dirpath, name), FILE_MODE)
        os.chmod(dirpath, DIR_MODE)


def owner_name(path):
    """The Unix user name owning `path`, or None when the uid has no account."""
    try:
        return pwd.getpwuid(os.stat(path).st_uid).pw_name
    except KeyError:
        return None


class PrivateSubmit(ExchangeSubmit):
    """Submit as nbgrader does, then restrict the new submission folder."""

    def copy_files(self):
        super().copy_files()
        restrict_tree(os.path.join(self.inbound_path, self.assignment_filename))


class OwnerCheckedCollect(ExchangeCollect):
    """Collect, per trainee, the newest submission that the trainee really owns; ignore the others."""

    def _is_owned(self, record):
        return owner_name(os.path.join(self.inbound_path, record["filename"])) == record["username"]

    def _sort_by_timestamp(self, records):
        # Owned records first (newest first), so a forged newer folder cannot hide the real one.
        return sorted(records, key=lambda item: (self._is_owned(item), item["timestamp"]), reverse=True)

    def init_src(self):
        super().init_src()
        kept = [record for record in self.src_records if self._is_owned(record)]
        for record in self.src_records:
            if record not in kept:
                self.log.warning(
                    "Kiriman %s diabaikan: folder itu bukan milik %s.", record["filename"], record["username"])
        self.src_records = kept
