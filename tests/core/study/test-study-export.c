/* test-study-export.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "nichiro-study-export.h"
#include "nichiro-test-utils.h"

/* Notes leave as Markdown and as a JSON backup; a backup comes back by
 * merging, and the newer of two versions of an entry always wins. */

static NichiroDataset *small;

/* Copies the fixed study file of the golden test next to the fixture's. */
static NichiroStudyStore *
open_golden_store (NichiroTestHome *fixture)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "golden-study.json", NULL);
  g_autofree char *text = NULL;
  gsize length;
  NichiroStudyStore *store;

  text = nichiro_test_read_text (source, &length);
  nichiro_test_write_text (fixture->path, text, length);
  store = nichiro_study_store_new (fixture->path);
  g_assert_null (nichiro_study_store_get_recovery_message (store));

  return store;
}

static void
test_markdown_golden (NichiroTestHome *fixture,
                      gconstpointer    data)
{
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "golden-notes.md", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *markdown = NULL;
  NichiroStudyStore *store = open_golden_store (fixture);
  gsize length;

  markdown = nichiro_study_export_markdown (store, small);
  expected = nichiro_test_read_text (golden_path, &length);

  if (g_strcmp0 (markdown, expected) != 0)
    {
      g_autofree char *actual_path = g_test_build_filename (G_TEST_BUILT, "golden-notes.actual.md", NULL);

      /* Left behind to compare with diff, or to copy over the golden file
       * when the change is intended. */
      g_file_set_contents (actual_path, markdown, -1, NULL);
      g_test_message ("the export differs from %s; it was written to %s", golden_path, actual_path);
    }
  g_assert_cmpstr (markdown, ==, expected);

  /* Exporting reads, and changes nothing. */
  g_assert_false (nichiro_study_store_has_unsaved_changes (store));
  g_assert_finalize_object (store);
}

static void
test_markdown_empty (NichiroTestHome *fixture,
                     gconstpointer    data)
{
  g_autofree char *markdown = NULL;
  NichiroStudyStore *store = nichiro_study_store_new (fixture->path);

  markdown = nichiro_study_export_markdown (store, small);
  g_assert_cmpstr (markdown, ==,
                   "# Study notes: A small test dataset\n"
                   "\n"
                   "Studied 0 of 3 entries.\n");
  g_assert_finalize_object (store);
}

/* The bundled dataset names the book the notes were taken on. */
static void
test_markdown_book (NichiroTestHome *fixture,
                    gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) bundled = nichiro_dataset_new_default (&error);
  g_autofree char *markdown = NULL;
  NichiroStudyStore *store = nichiro_study_store_new (fixture->path);

  g_assert_no_error (error);
  nichiro_study_store_set_studied (store, nichiro_dataset_get_id (bundled), "portsmouth-1905", TRUE, &error);
  g_assert_no_error (error);
  markdown = nichiro_study_export_markdown (store, bundled);

  g_assert_true (g_str_has_prefix (markdown,
                                   "# Study notes: Japan–Russia Relations, 1702–1956\n"
                                   "\n"
                                   "Read alongside *Handbook of Japan-Russia Relations*, chapter 2, "
                                   "“Japan-Russia Diplomatic Relations from the Russo-Japanese War to the Treaty of "
                                   "San Francisco”, by Kazuhiko Togo and Dmitry Streltsov.\n"
                                   "\n"
                                   "Studied 1 of "));
  g_assert_nonnull (strstr (markdown, "\n### Treaty of Portsmouth\n\n- Date: 5 September 1905 (23 August O.S.) — Meiji 38\n"
                                      "- Marked: studied\n\nCite as: Treaty of Portsmouth"));
  g_assert_true (nichiro_study_store_flush (store, NULL));
  g_assert_finalize_object (store);
}

static void
test_markdown_escapes (NichiroTestHome *fixture,
                       gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  NichiroStudyStore *store = nichiro_study_store_new (fixture->path);

  nichiro_study_store_set_note (store, "test-small", "war-1904", "# Not a heading of the export", &error);
  nichiro_study_store_set_page (store, "test-small", "war-1904", "p. 3 *[fn. 2]*", &error);
  g_assert_no_error (error);
  markdown = nichiro_study_export_markdown (store, small);

  /* The reader's note stays inside its quote, marks and all... */
  g_assert_nonnull (strstr (markdown, "\n> # Not a heading of the export\n"));
  /* ...and what the app writes around it is escaped. */
  g_assert_nonnull (strstr (markdown, "- In the book: p. 3 \\*\\[fn. 2\\]\\*\n"));
  g_assert_finalize_object (store);
}

static void
test_json_round_trip (NichiroTestHome *fixture,
                      gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) ours = NULL;
  g_autofree char *text = NULL;
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.json", NULL);
  NichiroStudyMergeCounts counts;
  NichiroStudyStore *store = open_golden_store (fixture);
  NichiroStudyStore *other;
  JsonObject *root;
  JsonObject *datasets;

  text = nichiro_study_export_json (store, small);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  /* The backup is a study file of its own, for this dataset only. */
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "nichiro-study");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, NICHIRO_STUDY_VERSION);
  datasets = json_object_get_object_member (root, "datasets");
  g_assert_cmpuint (json_object_get_size (datasets), ==, 1);
  ours = nichiro_study_store_dup_dataset_json (store, "test-small");
  g_assert_true (json_node_equal (ours, json_object_get_member (datasets, "test-small")));

  /* Imported into an empty store, it restores everything. */
  other = nichiro_study_store_new (other_path);
  g_assert_true (nichiro_study_import_json (other, text, strlen (text), "backup.json", &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 4);
  g_assert_cmpuint (counts.updated + counts.kept + counts.unchanged, ==, 0);
  g_clear_pointer (&ours, json_node_unref);
  ours = nichiro_study_store_dup_dataset_json (other, "test-small");
  g_assert_true (json_node_equal (ours, json_object_get_member (datasets, "test-small")));
  g_assert_true (nichiro_study_store_has_unsaved_changes (other));
  g_assert_true (nichiro_study_store_flush (other, &error));

  /* An empty store backs up to an empty dataset. */
  g_clear_pointer (&text, g_free);
  text = nichiro_study_export_json (other, small);
  g_assert_nonnull (strstr (text, "\"test-small\""));

  g_assert_finalize_object (other);
  g_assert_finalize_object (store);
}

/* The format chosen names the file, whatever name was typed. */
typedef struct
{
  NichiroExportFormat format;
  const char *typed;
  const char *written;
} ExportName;

static const ExportName export_names[] = {
  { NICHIRO_EXPORT_MARKDOWN, "nichiro-notes.md", "nichiro-notes.md" },
  { NICHIRO_EXPORT_MARKDOWN, "nichiro-notes.json", "nichiro-notes.md" },
  { NICHIRO_EXPORT_MARKDOWN, "Notes.MARKDOWN", "Notes.MARKDOWN" },
  { NICHIRO_EXPORT_MARKDOWN, "essay", "essay.md" },
  { NICHIRO_EXPORT_MARKDOWN, "essay.txt", "essay.txt.md" },
  { NICHIRO_EXPORT_BACKUP, "nichiro-notes.md", "nichiro-notes.json" },
  { NICHIRO_EXPORT_BACKUP, "nichiro-notes.markdown", "nichiro-notes.json" },
  { NICHIRO_EXPORT_BACKUP, "backup.JSON", "backup.JSON" },
  { NICHIRO_EXPORT_BACKUP, "backup", "backup.json" },
  { NICHIRO_EXPORT_BACKUP, ".md", ".md.json" },
};

static void
test_export_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_names); i++)
    {
      const ExportName *test = &export_names[i];
      g_autofree char *typed_path = g_build_filename ("/tmp", "folder", test->typed, NULL);
      g_autoptr(GFile) typed = g_file_new_for_path (typed_path);
      g_autoptr(GFile) fixed = nichiro_export_format_fix_name (test->format, typed);
      g_autofree char *name = g_file_get_basename (fixed);
      g_autofree char *folder = g_path_get_dirname (g_file_peek_path (fixed));

      g_test_message ("%s as %s", test->typed, test->format == NICHIRO_EXPORT_BACKUP ? "backup" : "markdown");
      g_assert_cmpstr (name, ==, test->written);
      g_assert_cmpstr (folder, ==, "/tmp/folder");
    }
}

/* What was chosen is what the file holds, read back: a backup that Import
 * restores, or Markdown to read. */
static void
test_export_file (NichiroTestHome *fixture,
                  gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = g_build_filename (fixture->dir, "notes.json", NULL);
  g_autofree char *markdown_path = g_build_filename (fixture->dir, "notes.md", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.json", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(GFile) markdown = g_file_new_for_path (markdown_path);
  g_autofree char *text = NULL;
  NichiroStudyMergeCounts counts;
  NichiroStudyStore *store = nichiro_study_store_new (fixture->path);
  NichiroStudyStore *other;
  gsize length;

  g_assert_true (nichiro_study_store_set_note (store, "test-small", "peace-1905", "Portsmouth & after", &error));
  g_assert_no_error (error);

  g_assert_true (nichiro_study_export_file (store, small, NICHIRO_EXPORT_BACKUP, backup, &error));
  g_assert_no_error (error);
  other = nichiro_study_store_new (other_path);
  g_assert_true (nichiro_study_import_file (other, backup, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpstr (nichiro_study_store_get_note (other, "test-small", "peace-1905"), ==, "Portsmouth & after");

  g_assert_true (nichiro_study_export_file (store, small, NICHIRO_EXPORT_MARKDOWN, markdown, &error));
  g_assert_no_error (error);
  text = nichiro_test_read_text (markdown_path, &length);
  g_assert_true (g_str_has_prefix (text, "# Study notes: A small test dataset\n"));
  g_assert_nonnull (strstr (text, "Portsmouth & after"));
  g_assert_false (nichiro_study_import_file (other, markdown, &counts, &error));
  g_assert_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID);
  g_clear_error (&error);

  /* A folder that is not one: an error, nothing written. */
  {
    g_autofree char *blocked_path = g_build_filename (markdown_path, "notes.md", NULL);
    g_autoptr(GFile) blocked = g_file_new_for_path (blocked_path);

    g_assert_false (nichiro_study_export_file (store, small, NICHIRO_EXPORT_MARKDOWN, blocked, &error));
    g_assert_nonnull (error);
  }

  g_assert_true (nichiro_study_store_flush (store, NULL));
  g_assert_finalize_object (other);
  g_assert_finalize_object (store);
}

/* Merging. */

static const char merge_ours[] =
  "{ \"format\": \"nichiro-study\", \"version\": 1, \"datasets\": { \"test-small\": {\n"
  "  \"entries\": {\n"
  "    \"a\": { \"note\": \"ours, 2025\", \"modified\": \"2025-06-01T00:00:00Z\" },\n"
  "    \"b\": { \"note\": \"ours, 2020\", \"studied\": true, \"colour\": \"red\", \"modified\": \"2020-01-01T00:00:00Z\" },\n"
  "    \"c\": { \"note\": \"the same\", \"modified\": \"2022-01-01T00:00:00Z\" },\n"
  "    \"d\": { \"studied\": true }\n"
  "  },\n"
  "  \"last_entry\": \"a\"\n"
  "} } }\n";

static const char merge_theirs[] =
  "{ \"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {\n"
  "  \"test-small\": {\n"
  "    \"entries\": {\n"
  "      \"a\": { \"note\": \"theirs, 2021\", \"modified\": \"2021-01-01T00:00:00Z\" },\n"
  "      \"b\": { \"note\": \"theirs, 2024\", \"bookmarked\": true, \"modified\": \"2024-01-01T00:00:00+01:00\" },\n"
  "      \"c\": { \"note\": \"the same\", \"modified\": \"2022-01-01T00:00:00Z\" },\n"
  "      \"d\": { \"note\": \"theirs, undated ours\", \"modified\": \"2019-01-01T00:00:00Z\" },\n"
  "      \"e\": { \"note\": \"only theirs\", \"modified\": \"2018-01-01T00:00:00Z\" }\n"
  "    },\n"
  "    \"last_entry\": \"e\",\n"
  "    \"last_part\": \"two\",\n"
  "    \"history\": [\"e\"]\n"
  "  },\n"
  "  \"other\": { \"entries\": { \"x\": { \"note\": \"elsewhere\" } } }\n"
  "} }\n";

static void
count_changed_cb (NichiroStudyStore *store,
                  const char        *dataset_id,
                  const char        *entry_id,
                  GPtrArray         *log)
{
  g_ptr_array_add (log, g_strdup_printf ("%s/%s", dataset_id, entry_id));
}

static void
test_import_merges (NichiroTestHome *fixture,
                    gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) b = NULL;
  g_autofree char *message = NULL;
  g_auto(GStrv) history = NULL;
  NichiroStudyMergeCounts counts;
  NichiroStudyStore *store;

  nichiro_test_write_text (fixture->path, merge_ours, -1);
  store = nichiro_study_store_new (fixture->path);
  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), log);

  g_assert_true (nichiro_study_import_json (store, merge_theirs, strlen (merge_theirs), "backup.json",
                                            &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 2);
  g_assert_cmpuint (counts.updated, ==, 2);
  g_assert_cmpuint (counts.kept, ==, 1);
  g_assert_cmpuint (counts.unchanged, ==, 1);
  g_assert_cmpuint (counts.notes, ==, 4);
  g_assert_cmpuint (counts.bookmarks, ==, 1);
  g_assert_cmpuint (counts.studied, ==, 0);
  g_assert_cmpuint (counts.pages, ==, 0);

  /* A newer note of ours is never overwritten by an older one... */
  g_assert_cmpstr (nichiro_study_store_get_note (store, "test-small", "a"), ==, "ours, 2025");
  /* ...what only the backup has is added, whatever its age... */
  g_assert_cmpstr (nichiro_study_store_get_note (store, "test-small", "d"), ==, "theirs, undated ours");
  g_assert_true (nichiro_study_store_get_studied (store, "test-small", "d"));
  /* ...and a newer note in the backup wins, field by field: what the
   * backup does not have is kept, as is what only this version of
   * Nichiro knows. */
  g_assert_cmpstr (nichiro_study_store_get_note (store, "test-small", "b"), ==, "theirs, 2024");
  g_assert_true (nichiro_study_store_get_bookmarked (store, "test-small", "b"));
  g_assert_true (nichiro_study_store_get_studied (store, "test-small", "b"));
  b = nichiro_study_store_dup_dataset_json (store, "test-small");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_object_get_object_member (json_node_get_object (b), "entries"), "b"), "colour"),
                   ==, "red");
  g_assert_cmpstr (nichiro_study_store_get_note (store, "test-small", "c"), ==, "the same");
  g_assert_cmpstr (nichiro_study_store_get_note (store, "test-small", "e"), ==, "only theirs");
  g_assert_cmpstr (nichiro_study_store_get_note (store, "other", "x"), ==, "elsewhere");

  /* Where the reader left off is ours; what we did not know is added. */
  g_assert_cmpstr (nichiro_study_store_get_last_entry (store, "test-small"), ==, "a");
  g_assert_cmpstr (nichiro_study_store_get_last_part (store, "test-small"), ==, "two");
  history = nichiro_study_store_dup_history (store, "test-small");
  g_assert_cmpstrv (history, ((const char * const []) { "e", NULL }));

  g_assert_cmpuint (log->len, ==, 4);
  g_assert_true (g_ptr_array_find_with_equal_func (log, "test-small/b", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (log, "test-small/d", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (log, "test-small/e", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (log, "other/x", g_str_equal, NULL));

  message = nichiro_study_merge_counts_to_string (&counts);
  g_assert_cmpstr (message, ==, "Imported: 2 entries added, 2 entries updated from the backup, "
                                "1 kept because yours is newer. What changed: 4 notes, 1 bookmark.");

  /* The merge is saved like any change. */
  g_assert_true (nichiro_study_store_has_unsaved_changes (store));
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);

  /* The same backup again brings nothing new. */
  g_ptr_array_set_size (log, 0);
  g_assert_true (nichiro_study_import_json (store, merge_theirs, strlen (merge_theirs), "backup.json",
                                            &counts, &error));
  g_assert_cmpuint (counts.added + counts.updated, ==, 0);
  g_assert_cmpuint (counts.kept, ==, 1);
  g_assert_cmpuint (counts.unchanged, ==, 5);
  g_assert_cmpuint (log->len, ==, 0);
  g_assert_false (nichiro_study_store_has_unsaved_changes (store));

  g_signal_handlers_disconnect_by_func (store, count_changed_cb, log);
  g_assert_finalize_object (store);

  store = nichiro_study_store_new (fixture->path);
  g_assert_cmpstr (nichiro_study_store_get_note (store, "test-small", "b"), ==, "theirs, 2024");
  g_assert_cmpstr (nichiro_study_store_get_note (store, "other", "x"), ==, "elsewhere");
  g_assert_finalize_object (store);
}

/* The case that lost notes: the backup changed the entry later, but only
 * to bookmark it. What it does not say is not taken as "nothing". */
static void
test_import_keeps_what_backup_lacks (NichiroTestHome *fixture,
                                     gconstpointer    data)
{
  const char *ours =
    "{ \"format\": \"nichiro-study\", \"version\": 1, \"datasets\": { \"test-small\": { \"entries\": {\n"
    "  \"peace-1905\": { \"note\": \"My careful note\", \"studied\": true, \"page\": \"p. 47\",\n"
    "                  \"modified\": \"2024-01-01T00:00:00Z\" } } } } }\n";
  const char *theirs =
    "{ \"format\": \"nichiro-study\", \"version\": 1, \"datasets\": { \"test-small\": { \"entries\": {\n"
    "  \"peace-1905\": { \"bookmarked\": true, \"modified\": \"2025-01-01T00:00:00Z\" } } } } }\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *message = NULL;
  NichiroStudyMergeCounts counts;
  NichiroStudyStore *store;

  nichiro_test_write_text (fixture->path, ours, -1);
  store = nichiro_study_store_new (fixture->path);
  g_assert_true (nichiro_study_import_json (store, theirs, strlen (theirs), "backup.json", &counts, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (nichiro_study_store_get_note (store, "test-small", "peace-1905"), ==, "My careful note");
  g_assert_true (nichiro_study_store_get_studied (store, "test-small", "peace-1905"));
  g_assert_cmpstr (nichiro_study_store_get_page (store, "test-small", "peace-1905"), ==, "p. 47");
  g_assert_true (nichiro_study_store_get_bookmarked (store, "test-small", "peace-1905"));
  modified = nichiro_study_store_get_modified (store, "test-small", "peace-1905");
  g_assert_cmpint (g_date_time_get_year (modified), ==, 2025);

  /* The result says exactly that. */
  g_assert_cmpuint (counts.updated, ==, 1);
  g_assert_cmpuint (counts.added + counts.kept + counts.unchanged, ==, 0);
  g_assert_cmpuint (counts.bookmarks, ==, 1);
  g_assert_cmpuint (counts.notes + counts.studied + counts.pages, ==, 0);
  message = nichiro_study_merge_counts_to_string (&counts);
  g_assert_cmpstr (message, ==, "Imported: 1 entry updated from the backup. What changed: 1 bookmark.");

  g_assert_true (nichiro_study_store_flush (store, NULL));
  g_assert_finalize_object (store);
}

/* An import keeps a copy of the study file as it was, beside it, and can
 * be undone: what the import changed goes back, what the reader changed
 * since stays. */
static void
test_import_undo (NichiroTestHome *fixture,
                  gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *copy_path = NULL;
  g_autofree char *copy_text = NULL;
  NichiroStudyMergeCounts counts;
  NichiroStudyStore *store;
  guint kept = 99;
  gsize length;

  nichiro_test_write_text (fixture->path, merge_ours, -1);
  store = nichiro_study_store_new (fixture->path);
  g_assert_false (nichiro_study_store_can_undo_import (store));
  g_assert_false (nichiro_study_store_undo_import (store, NULL, &error));
  g_assert_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  g_assert_true (nichiro_study_import_json (store, merge_theirs, strlen (merge_theirs), "backup.json",
                                            &counts, &error));
  g_assert_no_error (error);
  g_assert_true (nichiro_study_store_can_undo_import (store));

  /* The copy is the file as it was, beside it. */
  copies = nichiro_test_list_names (fixture->dir, "study.json.pre-import-");
  g_assert_cmpuint (copies->len, ==, 1);
  copy_path = g_build_filename (fixture->dir, g_ptr_array_index (copies, 0), NULL);
  g_assert_cmpstr (nichiro_study_store_get_pre_import_path (store), ==, copy_path);
  copy_text = nichiro_test_read_text (copy_path, &length);
  g_assert_nonnull (strstr (copy_text, "ours, 2020"));
  g_assert_null (strstr (copy_text, "theirs"));

  /* The reader goes on after the import, on an entry it changed. */
  g_assert_true (nichiro_study_store_set_note (store, "test-small", "e", "changed after the import", &error));
  g_assert_true (nichiro_study_store_flush (store, &error));

  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), log);
  g_assert_true (nichiro_study_store_undo_import (store, &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kept, ==, 1);
  g_assert_false (nichiro_study_store_can_undo_import (store));

  g_assert_cmpstr (nichiro_study_store_get_note (store, "test-small", "b"), ==, "ours, 2020");
  g_assert_false (nichiro_study_store_get_bookmarked (store, "test-small", "b"));
  g_assert_null (nichiro_study_store_get_note (store, "test-small", "d"));
  g_assert_null (nichiro_study_store_get_note (store, "other", "x"));
  g_assert_null (nichiro_study_store_get_last_part (store, "test-small"));
  g_assert_cmpstr (nichiro_study_store_get_note (store, "test-small", "e"), ==, "changed after the import");
  g_assert_true (g_ptr_array_find_with_equal_func (log, "test-small/b", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (log, "other/x", g_str_equal, NULL));

  g_signal_handlers_disconnect_by_func (store, count_changed_cb, log);
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  store = nichiro_study_store_new (fixture->path);
  g_assert_cmpstr (nichiro_study_store_get_note (store, "test-small", "b"), ==, "ours, 2020");
  g_assert_finalize_object (store);
}

/* A backup that would make the study file larger than Nichiro reads is
 * refused whole. */
static void
test_import_too_large (NichiroTestHome *fixture,
                       gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) backup = g_string_new (NULL);
  g_autofree char *ours = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  NichiroStudyMergeCounts counts;
  NichiroStudyStore *store;

  ours = g_malloc (NICHIRO_STUDY_MAX_SIZE * 5 / 8 + 1);
  memset (ours, 'o', NICHIRO_STUDY_MAX_SIZE * 5 / 8);
  ours[NICHIRO_STUDY_MAX_SIZE * 5 / 8] = '\0';
  g_string_append (backup, "{ \"format\": \"nichiro-study\", \"version\": 1, \"datasets\": { \"d\": "
                           "{ \"entries\": { \"theirs\": { \"note\": \"");
  for (guint i = 0; i < NICHIRO_STUDY_MAX_SIZE / 2; i++)
    g_string_append_c (backup, 't');
  g_string_append (backup, "\" } } } } }");

  store = nichiro_study_store_new (fixture->path);
  g_assert_true (nichiro_study_store_set_note (store, "d", "ours", ours, &error));
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);

  g_assert_false (nichiro_study_import_json (store, backup->str, backup->len, "backup.json", &counts, &error));
  g_assert_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_null (nichiro_study_store_get_note (store, "d", "theirs"));
  g_assert_false (nichiro_study_store_has_unsaved_changes (store));
  g_assert_false (nichiro_study_store_can_undo_import (store));
  copies = nichiro_test_list_names (fixture->dir, "study.json.pre-import-");
  g_assert_cmpuint (copies->len, ==, 0);
  g_assert_finalize_object (store);
}

static void
test_import_file (NichiroTestHome *fixture,
                  gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = g_build_filename (fixture->dir, "backup.json", NULL);
  g_autofree char *missing_path = g_build_filename (fixture->dir, "missing.json", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  NichiroStudyMergeCounts counts;
  NichiroStudyStore *store = nichiro_study_store_new (fixture->path);

  nichiro_test_write_text (backup_path, merge_theirs, -1);
  g_assert_true (nichiro_study_import_file (store, backup, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 6);

  g_assert_false (nichiro_study_import_file (store, missing, &counts, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (counts.added, ==, 0);

  g_assert_true (nichiro_study_store_flush (store, NULL));
  g_assert_finalize_object (store);
}

typedef struct
{
  const char *name;
  const char *text;
  const char *message;
} BadBackup;

static const BadBackup bad_backups[] = {
  { "empty", "", "empty" },
  { "not-json", "notes: none", NULL },
  { "truncated", "{ \"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {", NULL },
  { "dataset", "{ \"format\": \"nichiro-dataset\", \"version\": 1, \"entries\": [] }", "not a Nichiro study file" },
  { "newer", "{ \"format\": \"nichiro-study\", \"version\": 3, \"datasets\": {} }", "newer version" },
  { "wrong-type", "{ \"format\": \"nichiro-study\", \"version\": 1, \"datasets\": { \"d\": { \"entries\": "
                  "{ \"e\": { \"note\": 5 } } } } }", "note is a number" },
};

static void
test_import_refuses (NichiroTestHome *fixture,
                     gconstpointer    data)
{
  const BadBackup *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  NichiroStudyMergeCounts counts;
  NichiroStudyStore *store;

  nichiro_test_write_text (fixture->path, merge_ours, -1);
  store = nichiro_study_store_new (fixture->path);
  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), log);

  g_assert_false (nichiro_study_import_json (store, bad->text, strlen (bad->text), "backup.json", &counts, &error));
  g_assert_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID);
  g_test_message ("%s", error->message);
  if (bad->message != NULL)
    g_assert_nonnull (strstr (error->message, bad->message));

  g_assert_cmpuint (log->len, ==, 0);
  g_assert_false (nichiro_study_store_has_unsaved_changes (store));
  g_assert_cmpstr (nichiro_study_store_get_note (store, "test-small", "a"), ==, "ours, 2025");
  g_signal_handlers_disconnect_by_func (store, count_changed_cb, log);
  g_assert_finalize_object (store);
}

/* Backups that are no files: refused at once, never read for ever. */
static void
test_import_not_a_file (NichiroTestHome *fixture,
                        gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fifo = g_build_filename (fixture->dir, "backup.json", NULL);
  const char *paths[] = { fifo, "/dev/zero", fixture->dir };
  NichiroStudyMergeCounts counts;
  NichiroStudyStore *store;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  store = nichiro_study_store_new (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);

      g_assert_false (nichiro_study_import_file (store, file, &counts, &error));
      g_assert_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, paths[i]));
      g_assert_nonnull (strstr (error->message, i == 2 ? "folder" : "not a regular file"));
      g_clear_error (&error);
    }

  g_assert_false (nichiro_study_store_has_unsaved_changes (store));
  g_assert_finalize_object (store);
}

static void
test_import_read_only (NichiroTestHome *fixture,
                       gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  NichiroStudyMergeCounts counts;
  NichiroStudyStore *store;

  nichiro_test_write_text (fixture->path, "{ \"format\": \"nichiro-study\", \"version\": 3 }", -1);
  store = nichiro_study_store_new (fixture->path);
  g_assert_false (nichiro_study_import_json (store, merge_theirs, strlen (merge_theirs), "backup.json",
                                             &counts, &error));
  g_assert_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_READ_ONLY);
  g_assert_finalize_object (store);
}

static void
test_counts_message (void)
{
  struct {
    NichiroStudyMergeCounts counts;
    const char *message;
  } cases[] = {
    { { 0, 0, 0, 0 }, "Nothing imported: the backup holds nothing new." },
    { { 0, 0, 0, 7 }, "Nothing imported: the backup holds nothing new." },
    { { 0, 0, 1, 2 }, "Nothing imported: the backup’s 1 differing entry is older than yours, so yours was kept." },
    { { 0, 0, 3, 0 }, "Nothing imported: the backup’s 3 differing entries are older than yours, so yours were kept." },
    { { 1, 0, 0, 0, 1 }, "Imported: 1 entry added. What changed: 1 note." },
    { { 0, 2, 0, 0, 0, 2 }, "Imported: 2 entries updated from the backup. What changed: 2 studied marks." },
    { { 1, 1, 1, 1, 2, 1, 1, 1 }, "Imported: 1 entry added, 1 entry updated from the backup, 1 kept because yours is "
                                  "newer. What changed: 2 notes, 1 studied mark, 1 bookmark, 1 page reference." },
    { { 0, 3, 2, 0, 0, 0, 3, 2 }, "Imported: 3 entries updated from the backup, 2 kept because yours are newer. "
                                  "What changed: 3 bookmarks, 2 page references." },
    { { 0, 1, 0, 0 }, "Imported: 1 entry updated from the backup." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = nichiro_study_merge_counts_to_string (&cases[i].counts);

      g_assert_cmpstr (message, ==, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  small = nichiro_test_load_dataset ("small.json");

#define ADD(name, func) g_test_add ("/nichiro/study/" name, NichiroTestHome, NULL, nichiro_test_home_set_up, func, nichiro_test_home_tear_down)
  ADD ("export/markdown-golden", test_markdown_golden);
  ADD ("export/markdown-empty", test_markdown_empty);
  ADD ("export/markdown-book", test_markdown_book);
  ADD ("export/markdown-escapes", test_markdown_escapes);
  ADD ("export/json-round-trip", test_json_round_trip);
  ADD ("export/file", test_export_file);
  ADD ("import/merges", test_import_merges);
  ADD ("import/file", test_import_file);
  ADD ("import/read-only", test_import_read_only);
  ADD ("import/keeps-what-backup-lacks", test_import_keeps_what_backup_lacks);
  ADD ("import/undo", test_import_undo);
  ADD ("import/too-large", test_import_too_large);
  ADD ("import/not-a-file", test_import_not_a_file);
#undef ADD
  for (guint i = 0; i < G_N_ELEMENTS (bad_backups); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/nichiro/study/import/refuses/%s", bad_backups[i].name);

      g_test_add (test_path, NichiroTestHome, &bad_backups[i], nichiro_test_home_set_up, test_import_refuses, nichiro_test_home_tear_down);
    }
  g_test_add_func ("/nichiro/study/import/counts-message", test_counts_message);
  g_test_add_func ("/nichiro/study/export/names", test_export_names);

  status = g_test_run ();
  g_clear_object (&small);

  return status;
}
