/* test-relations.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nichiro-dataset.h"
#include "nichiro-test-utils.h"

/* Relations read from both ends: an entry lists what it points at, and
 * the dataset says what points at it, so that the detail view can show
 * "Superseded by" on the older treaty. */

static const struct
{
  NichiroRelation relation;
  const char *label;
  const char *inverse;
} inverses[] = {
  { NICHIRO_RELATION_SUPERSEDES, "Supersedes", "Superseded by" },
  { NICHIRO_RELATION_CONFIRMS, "Confirms", "Confirmed by" },
  { NICHIRO_RELATION_EXTENDS, "Extends", "Extended by" },
  { NICHIRO_RELATION_IMPLEMENTS, "Implements", "Implemented by" },
  { NICHIRO_RELATION_RENOUNCES, "Renounces", "Renounced by" },
  { NICHIRO_RELATION_RESPONDS_TO, "Responds to", "Answered by" },
  { NICHIRO_RELATION_LEADS_TO, "Leads to", "Follows from" },
  { NICHIRO_RELATION_PART_OF, "Part of", "Includes" },
  { NICHIRO_RELATION_SEE_ALSO, "See also", "See also" },
};

static void
test_inverse_labels (void)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (inverses) == NICHIRO_N_RELATIONS);

  for (guint i = 0; i < G_N_ELEMENTS (inverses); i++)
    {
      g_assert_cmpstr (nichiro_relation_get_label (inverses[i].relation), ==, inverses[i].label);
      g_assert_cmpstr (nichiro_relation_get_inverse_label (inverses[i].relation), ==, inverses[i].inverse);
    }
}

/* Whether @list holds @id with @relation. */
static gboolean
has_relation (const NichiroRelated *list,
              guint                 n,
              const char           *id,
              NichiroRelation       relation)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (list[i].id, id) && list[i].relation == relation)
      return TRUE;

  return FALSE;
}

static void
test_incoming_small (void)
{
  g_autoptr(NichiroDataset) dataset = nichiro_test_load_dataset ("small.json");
  const NichiroRelated *incoming;
  guint n = 99;

  /* The treaty responds to the war: the war is answered by the treaty. */
  incoming = nichiro_dataset_get_incoming (dataset, "war-1904", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (incoming[0].id, ==, "peace-1905");
  g_assert_cmpint (incoming[0].relation, ==, NICHIRO_RELATION_RESPONDS_TO);

  /* Nothing points at the treaty; an unknown id has nothing either. */
  g_assert_null (nichiro_dataset_get_incoming (dataset, "peace-1905", &n));
  g_assert_cmpuint (n, ==, 0);
  n = 99;
  g_assert_null (nichiro_dataset_get_incoming (dataset, "no-such-entry", &n));
  g_assert_cmpuint (n, ==, 0);
}

/* Every relation of every type in the bundled dataset shows from the entry
 * it points at, and the two directions count the same. */
static void
test_incoming_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = nichiro_dataset_new_default (&error);
  GListModel *entries;
  guint outgoing[NICHIRO_N_RELATIONS] = { 0, };
  guint incoming[NICHIRO_N_RELATIONS] = { 0, };
  guint n_types = 0;

  g_assert_no_error (error);
  entries = nichiro_dataset_get_entries (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
      const char *id = nichiro_entry_get_id (entry);
      const NichiroRelated *related, *back;
      guint n_related, n_back;

      related = nichiro_entry_get_related (entry, &n_related);
      for (guint r = 0; r < n_related; r++)
        {
          back = nichiro_dataset_get_incoming (dataset, related[r].id, &n_back);
          if (!has_relation (back, n_back, id, related[r].relation))
            g_error ("%s %s %s is missing from the other end", id,
                     nichiro_relation_to_string (related[r].relation), related[r].id);
          outgoing[related[r].relation]++;
        }

      back = nichiro_dataset_get_incoming (dataset, id, &n_back);
      for (guint b = 0; b < n_back; b++)
        {
          NichiroEntry *source = nichiro_dataset_lookup_entry (dataset, back[b].id);
          const NichiroRelated *source_related;
          guint n_source;

          g_assert_nonnull (source);
          source_related = nichiro_entry_get_related (source, &n_source);
          g_assert_true (has_relation (source_related, n_source, id, back[b].relation));
          incoming[back[b].relation]++;
        }
    }

  for (NichiroRelation relation = 0; relation < NICHIRO_N_RELATIONS; relation++)
    {
      g_assert_cmpuint (incoming[relation], ==, outgoing[relation]);
      if (outgoing[relation] > 0)
        {
          g_test_message ("%s: %u, read back as “%s”", nichiro_relation_to_string (relation),
                          outgoing[relation], nichiro_relation_get_inverse_label (relation));
          n_types++;
        }
    }

  /* The bundled dataset uses every type, so every inverse label is seen. */
  g_assert_cmpuint (n_types, ==, NICHIRO_N_RELATIONS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nichiro/dataset/relations/inverse-labels", test_inverse_labels);
  g_test_add_func ("/nichiro/dataset/relations/incoming-small", test_incoming_small);
  g_test_add_func ("/nichiro/dataset/relations/incoming-bundled", test_incoming_bundled);

  return g_test_run ();
}
