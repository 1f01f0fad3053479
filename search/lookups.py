"""`field__any_of=[ids]`: membership in a long list of integers as one parameter on PostgreSQL.

The finder filters, counts and orders programmes by the ids a text search returned (up to
MAX_PROGRAMME_MATCHES of them) in several queries. As an IN list each id is a parameter of
its own, and building, cloning and sending those queries cost more than running them. On
PostgreSQL the list travels as one array (`id = ANY(%s)`); other databases get the IN list.
"""

from django.db.models import IntegerField, Lookup


@IntegerField.register_lookup
class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return "%s", [[int(item) for item in value]]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        _rhs, rhs_params = self.process_rhs(compiler, connection)
        values = rhs_params[0]
        if not values:
            return "1 = 0", list(lhs_params)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*lhs_params, values]
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*lhs_params, *values]
