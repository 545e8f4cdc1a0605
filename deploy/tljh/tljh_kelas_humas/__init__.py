"""TLJH plugin of Kelas Humas Digital: the course environment, formgrader services, groups, roles, exchange."""
