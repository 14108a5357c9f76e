/* test-citation.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "nichiro-citation.h"
#include "nichiro-test-utils.h"

/* A reference to an entry and the source the reader chose, in Chicago,
 * APA or BibTeX. The small dataset, with a second source for Portsmouth
 * whose title and address hold what TeX reads as commands. */

static NichiroDataset *dataset;

typedef struct
{
  const char *name;
  const char *entry;
  guint source;
  NichiroCitationStyle style;
  const char *expected;
} CitationCase;

static const CitationCase cases[] = {
  { "chicago-first", "peace-1905", 0, NICHIRO_CITATION_CHICAGO,
    "Treaty of Portsmouth (Japan–Russian Empire), signed at Portsmouth, New Hampshire, 5 September 1905. "
    "“A source,” https://example.org/portsmouth. Cited from Nichiro, “A small test dataset” (dataset, CC-BY-4.0)." },
  { "chicago-second", "peace-1905", 1, NICHIRO_CITATION_CHICAGO,
    "Treaty of Portsmouth (Japan–Russian Empire), signed at Portsmouth, New Hampshire, 5 September 1905. "
    "“R&D: 100% of {it}_now,” https://example.org/a%20b#c. Cited from Nichiro, “A small test dataset” (dataset, CC-BY-4.0)." },
  { "chicago-no-address", "shimoda-1855", 0, NICHIRO_CITATION_CHICAGO,
    "Treaty of Shimoda, signed, 7 February 1855. “A third source.” Cited from Nichiro, “A small test dataset” (dataset, CC-BY-4.0)." },
  { "chicago-past-the-end", "peace-1905", 7, NICHIRO_CITATION_CHICAGO,
    "Treaty of Portsmouth (Japan–Russian Empire), signed at Portsmouth, New Hampshire, 5 September 1905. "
    "“A source,” https://example.org/portsmouth. Cited from Nichiro, “A small test dataset” (dataset, CC-BY-4.0)." },
  { "apa-first", "peace-1905", 0, NICHIRO_CITATION_APA,
    "A source. (n.d.). Retrieved December 2, 2026, from https://example.org/portsmouth" },
  { "apa-second", "peace-1905", 1, NICHIRO_CITATION_APA,
    "R&D: 100% of {it}_now. (n.d.). Retrieved December 2, 2026, from https://example.org/a%20b#c" },
  { "apa-no-address", "shimoda-1855", 0, NICHIRO_CITATION_APA,
    "A third source. (n.d.)." },
  { "bibtex-first", "peace-1905", 0, NICHIRO_CITATION_BIBTEX,
    "@misc{peace-1905-1,\n"
    "  title = {{A source}},\n"
    "  url = {https://example.org/portsmouth},\n"
    "  urldate = {2026-12-02},\n"
    "  note = {Treaty of Portsmouth (Japan–Russian Empire), signed at Portsmouth, New Hampshire, 5 September 1905. "
    "Cited from Nichiro, “A small test dataset” (dataset, CC-BY-4.0)},\n"
    "}\n" },
  { "bibtex-second", "peace-1905", 1, NICHIRO_CITATION_BIBTEX,
    "@misc{peace-1905-2,\n"
    "  title = {{R\\&D: 100\\% of \\{it\\}\\_now}},\n"
    "  url = {https://example.org/a\\%20b\\#c},\n"
    "  urldate = {2026-12-02},\n"
    "  note = {Treaty of Portsmouth (Japan–Russian Empire), signed at Portsmouth, New Hampshire, 5 September 1905. "
    "Cited from Nichiro, “A small test dataset” (dataset, CC-BY-4.0)},\n"
    "}\n" },
  { "bibtex-no-address", "shimoda-1855", 0, NICHIRO_CITATION_BIBTEX,
    "@misc{shimoda-1855-1,\n"
    "  title = {{A third source}},\n"
    "  note = {Treaty of Shimoda, signed, 7 February 1855. "
    "Cited from Nichiro, “A small test dataset” (dataset, CC-BY-4.0)},\n"
    "}\n" },
};

static void
test_citation (gconstpointer data)
{
  const CitationCase *test = data;
  g_autoptr(GDateTime) accessed = g_date_time_new_local (2026, 12, 2, 10, 0, 0);
  g_autofree char *citation = NULL;
  NichiroEntry *entry = nichiro_dataset_lookup_entry (dataset, test->entry);

  g_assert_nonnull (entry);
  citation = nichiro_citation_format (dataset, entry, test->source, test->style, accessed);
  g_assert_cmpstr (citation, ==, test->expected);
}

/* The dataset's own Chicago citation is the first source's. */
static void
test_default (void)
{
  g_autoptr(GDateTime) accessed = g_date_time_new_now_local ();
  NichiroEntry *entry = nichiro_dataset_lookup_entry (dataset, "peace-1905");
  g_autofree char *expected = nichiro_citation_format (dataset, entry, 0, NICHIRO_CITATION_CHICAGO, accessed);
  g_autofree char *citation = nichiro_dataset_dup_citation (dataset, entry);

  g_assert_cmpstr (citation, ==, expected);
}

static void
test_style_names (void)
{
  NichiroCitationStyle style = NICHIRO_CITATION_CHICAGO;

  g_assert_true (nichiro_citation_style_from_name ("apa", &style));
  g_assert_cmpint (style, ==, NICHIRO_CITATION_APA);
  g_assert_true (nichiro_citation_style_from_name ("bibtex", &style));
  g_assert_cmpint (style, ==, NICHIRO_CITATION_BIBTEX);
  g_assert_true (nichiro_citation_style_from_name ("chicago", &style));
  g_assert_cmpint (style, ==, NICHIRO_CITATION_CHICAGO);
  g_assert_false (nichiro_citation_style_from_name ("mla", &style));
  g_assert_false (nichiro_citation_style_from_name (NULL, &style));
}

/* small.json with a second source for Portsmouth. */
static NichiroDataset *
load_dataset (void)
{
  g_autofree char *path = nichiro_test_data_path ("small.json");
  g_autoptr(JsonNode) root = nichiro_test_parse_file (path);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonArray *entries = json_object_get_array_member (json_node_get_object (root), "entries");
  NichiroDataset *loaded;

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "id"), "peace-1905") == 0)
        {
          JsonObject *source = json_object_new ();

          json_object_set_string_member (source, "title", "R&D: 100% of {it}_now");
          json_object_set_string_member (source, "url", "https://example.org/a%20b#c");
          json_array_add_object_element (json_object_get_array_member (entry, "sources"), source);
        }
    }

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  loaded = nichiro_dataset_new_from_data (text, strlen (text), "citation.json", &error);
  g_assert_no_error (error);
  return loaded;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  dataset = load_dataset ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/nichiro/citation/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_citation);
    }
  g_test_add_func ("/nichiro/citation/default", test_default);
  g_test_add_func ("/nichiro/citation/style-names", test_style_names);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
