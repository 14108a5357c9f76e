/* nichiro-study-export.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-study-export"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-study-export.h"
#include "nichiro-file.h"
#include "nichiro-json-check.h"

#include <string.h>

/* What leaves the app and comes back: the reader's notes as Markdown, to
 * read, print or hand in; and a JSON backup in the study file's own
 * format, which "Import…" merges back without overwriting newer notes. */

/* Writes @text so that Markdown shows it as it is. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]<>#|", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/* The note as a block quote, so that whatever the reader typed (headings,
 * lists of their own) stays inside it. */
static void
append_quoted (GString    *out,
               const char *text)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  lines = g_strsplit (trimmed, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        g_string_append (out, ">\n");
      else
        g_string_append_printf (out, "> %s\n", lines[i]);
    }
  g_string_append_c (out, '\n');
}

static gboolean
is_exported (NichiroStudyStore *store,
             const char        *dataset_id,
             const char        *entry_id)
{
  return nichiro_study_store_matches (store, dataset_id, entry_id, NICHIRO_STUDY_FILTER_STUDIED) ||
         nichiro_study_store_matches (store, dataset_id, entry_id, NICHIRO_STUDY_FILTER_NOTED);
}

static void
append_entry (GString           *out,
              NichiroStudyStore *store,
              NichiroDataset    *dataset,
              NichiroEntry      *entry)
{
  const char *dataset_id = nichiro_dataset_get_id (dataset);
  const char *entry_id = nichiro_entry_get_id (entry);
  const char *note = nichiro_study_store_get_note (store, dataset_id, entry_id);
  const char *page = nichiro_study_store_get_page (store, dataset_id, entry_id);
  g_autofree char *dates = nichiro_entry_dup_dates_text (entry);
  g_autofree char *citation = nichiro_dataset_dup_citation (dataset, entry);
  gboolean studied, bookmarked;

  g_string_append (out, "### ");
  append_escaped (out, nichiro_entry_get_title (entry));
  g_string_append (out, "\n\n");

  g_string_append_printf (out, "- %s ", _("Date:"));
  append_escaped (out, dates);
  g_string_append_c (out, '\n');

  studied = nichiro_study_store_get_studied (store, dataset_id, entry_id);
  bookmarked = nichiro_study_store_get_bookmarked (store, dataset_id, entry_id);
  if (studied && bookmarked)
    g_string_append_printf (out, "- %s\n", _("Marked: studied, bookmarked"));
  else if (studied)
    g_string_append_printf (out, "- %s\n", _("Marked: studied"));
  else if (bookmarked)
    g_string_append_printf (out, "- %s\n", _("Marked: bookmarked"));

  if (page != NULL)
    {
      g_string_append_printf (out, "- %s ", _("In the book:"));
      append_escaped (out, page);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');

  if (nichiro_study_store_matches (store, dataset_id, entry_id, NICHIRO_STUDY_FILTER_NOTED))
    append_quoted (out, note);

  /* URLs in citations are left as they are, for a renderer to link. */
  g_string_append_printf (out, "%s %s\n\n", _("Cite as:"), citation);
}

static void
append_book (GString           *out,
             const NichiroBook *book)
{
  if (book == NULL || book->title == NULL)
    return;

  g_string_append (out, _("Read alongside"));
  g_string_append (out, " *");
  append_escaped (out, book->title);
  g_string_append (out, "*");
  if (book->chapter != NULL)
    g_string_append_printf (out, ", %s %s", _("chapter"), book->chapter);
  if (book->chapter_title != NULL)
    {
      g_string_append (out, ", “");
      append_escaped (out, book->chapter_title);
      g_string_append (out, "”");
    }
  if (book->authors != NULL && book->authors[0] != NULL)
    {
      guint n_authors = g_strv_length (book->authors);

      g_string_append (out, ", ");
      g_string_append (out, _("by"));
      g_string_append_c (out, ' ');
      for (guint i = 0; i < n_authors; i++)
        {
          if (i > 0 && i == n_authors - 1)
            g_string_append_printf (out, " %s ", _("and"));
          else if (i > 0)
            g_string_append (out, ", ");
          append_escaped (out, book->authors[i]);
        }
    }
  g_string_append (out, ".\n\n");
}

/* Notes the reader wrote on entries this dataset no longer has: they are
 * theirs, so they are exported too. */
static void
append_orphans (GString           *out,
                NichiroStudyStore *store,
                NichiroDataset    *dataset)
{
  const char *dataset_id = nichiro_dataset_get_id (dataset);
  g_autoptr(JsonNode) node = nichiro_study_store_dup_dataset_json (store, dataset_id);
  JsonObject *entries;
  gboolean any = FALSE;
  JsonObjectIter iter;
  const char *entry_id;
  JsonNode *entry_node;

  if (node == NULL)
    return;
  entries = json_object_get_object_member (json_node_get_object (node), "entries");
  if (entries == NULL)
    return;

  json_object_iter_init_ordered (&iter, entries);
  while (json_object_iter_next_ordered (&iter, &entry_id, &entry_node))
    {
      const char *page;

      if (nichiro_dataset_lookup_entry (dataset, entry_id) != NULL ||
          !nichiro_study_store_matches (store, dataset_id, entry_id, NICHIRO_STUDY_FILTER_NOTED))
        continue;

      if (!any)
        {
          g_string_append_printf (out, "## %s\n\n", _("Notes on entries no longer in the dataset"));
          any = TRUE;
        }

      g_string_append (out, "### ");
      append_escaped (out, entry_id);
      g_string_append (out, "\n\n");
      page = nichiro_study_store_get_page (store, dataset_id, entry_id);
      if (page != NULL)
        {
          g_string_append_printf (out, "- %s ", _("In the book:"));
          append_escaped (out, page);
          g_string_append (out, "\n\n");
        }
      append_quoted (out, nichiro_study_store_get_note (store, dataset_id, entry_id));
    }
}

/**
 * nichiro_study_export_markdown:
 * @store: a study store
 * @dataset: the dataset studied
 *
 * Writes the reader's notes as Markdown: part by part in reading order,
 * each entry studied or with a note, in date order, with its dates, the
 * reader's marks, page reference and note, and a citation. Notes on
 * entries the dataset no longer has come last.
 *
 * Returns: (transfer full): the Markdown text
 */
char *
nichiro_study_export_markdown (NichiroStudyStore *store,
                               NichiroDataset    *dataset)
{
  GString *out;
  const NichiroPart *parts;
  GListModel *entries;
  const char *dataset_id;
  guint n_parts, n_entries, studied, total;

  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (store), NULL);
  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);

  out = g_string_new (NULL);
  dataset_id = nichiro_dataset_get_id (dataset);
  entries = nichiro_dataset_get_entries (dataset);
  n_entries = g_list_model_get_n_items (entries);
  parts = nichiro_dataset_get_parts (dataset, &n_parts);

  g_string_append_printf (out, "# %s ", _("Study notes:"));
  append_escaped (out, nichiro_dataset_get_title (dataset));
  g_string_append (out, "\n\n");
  append_book (out, nichiro_dataset_get_book (dataset));

  nichiro_study_store_get_progress (store, dataset, &studied, &total);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                            "Studied %u of %u entry.",
                                            "Studied %u of %u entries.", total),
                          studied, total);
  g_string_append (out, "\n\n");

  for (guint p = 0; p < n_parts; p++)
    {
      gboolean heading = FALSE;

      for (guint i = 0; i < n_entries; i++)
        {
          g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

          if (g_strcmp0 (nichiro_entry_get_part (entry), parts[p].id) != 0 ||
              !is_exported (store, dataset_id, nichiro_entry_get_id (entry)))
            continue;

          if (!heading)
            {
              nichiro_study_store_count_part (store, dataset, parts[p].id, &studied, &total);
              g_string_append_printf (out, "## %u. ", parts[p].number);
              append_escaped (out, parts[p].title);
              g_string_append (out, "\n\n");
              g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                        "Studied %u of %u entry.",
                                                        "Studied %u of %u entries.", total),
                                      studied, total);
              g_string_append (out, "\n\n");
              heading = TRUE;
            }

          append_entry (out, store, dataset, entry);
        }
    }

  append_orphans (out, store, dataset);

  /* One newline at the end, not a blank line. */
  while (out->len > 1 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/**
 * nichiro_study_export_json:
 * @store: a study store
 * @dataset: the dataset studied
 *
 * Writes what the store holds for @dataset as a study file of its own,
 * for a backup that nichiro_study_import_json() reads back.
 *
 * Returns: (transfer full): the JSON text
 */
char *
nichiro_study_export_json (NichiroStudyStore *store,
                           NichiroDataset    *dataset)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonNode *data;
  JsonObject *object;
  JsonObject *datasets;
  char *text;

  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (store), NULL);
  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "format", NICHIRO_STUDY_FORMAT);
  json_object_set_int_member (object, "version", NICHIRO_STUDY_VERSION);
  datasets = json_object_new ();
  data = nichiro_study_store_dup_dataset_json (store, nichiro_dataset_get_id (dataset));
  if (data == NULL)
    {
      JsonObject *empty = json_object_new ();

      json_object_set_object_member (empty, "entries", json_object_new ());
      data = json_node_init_object (json_node_alloc (), empty);
      json_object_unref (empty);
    }
  json_object_set_member (datasets, nichiro_dataset_get_id (dataset), data);
  json_object_set_object_member (object, "datasets", datasets);
  json_node_take_object (root, object);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  return text;
}

static const char *
format_extension (NichiroExportFormat format)
{
  return format == NICHIRO_EXPORT_BACKUP ? ".json" : ".md";
}

/**
 * nichiro_export_format_fix_name:
 * @format: the format chosen
 * @file: the file chosen
 *
 * The file to write @format to, named as the format: a name ending in
 * another format's extension (".md", ".markdown", ".json") takes this
 * one's instead (".markdown" is Markdown too), and a name with none has it
 * added, so that a backup is never called "notes.md" nor Markdown
 * "backup.json".
 *
 * Returns: (transfer full): @file, or a file beside it with the right name
 */
GFile *
nichiro_export_format_fix_name (NichiroExportFormat  format,
                                GFile               *file)
{
  static const char *extensions[] = { ".md", ".markdown", ".json" };
  g_autofree char *basename = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GFile) parent = NULL;
  const char *wanted = format_extension (format);
  gsize stem;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  folded = g_ascii_strdown (basename, -1);
  if (g_str_has_suffix (folded, wanted) ||
      (format == NICHIRO_EXPORT_MARKDOWN && g_str_has_suffix (folded, ".markdown")))
    return g_object_ref (file);

  stem = strlen (basename);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      if (g_str_has_suffix (folded, extensions[i]) && strlen (folded) > strlen (extensions[i]))
        {
          stem -= strlen (extensions[i]);
          break;
        }
    }
  basename[stem] = '\0';

  parent = g_file_get_parent (file);
  {
    g_autofree char *name = g_strconcat (basename, wanted, NULL);

    return parent != NULL ? g_file_get_child (parent, name) : g_file_new_for_path (name);
  }
}

/**
 * nichiro_study_export_file:
 * @store: a study store
 * @dataset: the dataset studied
 * @format: what to write
 * @file: where, named as nichiro_export_format_fix_name() names it
 * @error: return location for an error
 *
 * Writes the notes on @dataset to @file in @format, then reads the file
 * back: a file system that kept less than was written is an error, not
 * a backup the reader believes in.
 *
 * Returns: %TRUE if @file holds the notes in @format
 */
gboolean
nichiro_study_export_file (NichiroStudyStore    *store,
                           NichiroDataset       *dataset,
                           NichiroExportFormat   format,
                           GFile                *file,
                           GError              **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *written = NULL;
  gsize length;

  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (store), FALSE);
  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (format == NICHIRO_EXPORT_BACKUP)
    contents = nichiro_study_export_json (store, dataset);
  else
    contents = nichiro_study_export_markdown (store, dataset);

  if (!g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error))
    return FALSE;

  if (!g_file_load_contents (file, NULL, &written, &length, NULL, error))
    return FALSE;
  if (length != strlen (contents) || memcmp (written, contents, length) != 0)
    {
      g_set_error_literal (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_SAVE,
                           _("Read back, the file holds something other than what was written."));
      return FALSE;
    }

  return TRUE;
}

/**
 * nichiro_study_import_json:
 * @store: a study store
 * @text: a backup, as nichiro_study_export_json() wrote it, or a whole
 *   study file
 * @length: the length of @text in bytes
 * @display_name: how to name the backup in messages
 * @counts: (out caller-allocates): what was merged, entry by entry
 * @error: return location for an error
 *
 * Merges a backup into @store: see nichiro_study_store_merge_document().
 * Nothing is changed if the backup cannot be read.
 *
 * Returns: %TRUE if the backup was merged
 */
gboolean
nichiro_study_import_json (NichiroStudyStore        *store,
                           const char               *text,
                           gsize                     length,
                           const char               *display_name,
                           NichiroStudyMergeCounts  *counts,
                           GError                  **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *location = NULL;

  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (store), FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);

  if (length == 0)
    {
      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                   _("The backup “%s” is empty: it holds no notes to import."), display_name);
      return FALSE;
    }

  /* Where in the file, by the file's name; what it is, in a sentence
   * that names it in full. */
  location = g_path_get_basename (display_name);

  if (!nichiro_json_prescan (text, length, location, &local_error))
    {
      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                   _("The file “%s” could not be imported: it is not valid JSON (%s)."),
                   display_name, local_error->message);
      return FALSE;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      const char *message = local_error->message;

      /* json-glib names the text "<data>"; the file has a better name. */
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                   _("The file “%s” could not be imported: it is not valid JSON (%s:%s)."),
                   display_name, location, message);
      return FALSE;
    }

  if (!nichiro_study_check_document (json_parser_get_root (parser), location, NULL, &local_error))
    {
      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                   _("The file “%s” could not be imported: it is not a Nichiro backup that this version "
                     "can read (%s)."),
                   display_name, local_error->message);
      return FALSE;
    }

  return nichiro_study_store_merge_document (store, json_parser_get_root (parser), counts, error);
}

/**
 * nichiro_study_import_file:
 * @store: a study store
 * @file: a backup file
 * @counts: (out caller-allocates): what was merged, entry by entry
 * @error: return location for an error
 *
 * Reads @file and merges it: see nichiro_study_import_json(). Only a
 * regular file of at most %NICHIRO_STUDY_MAX_SIZE is read: a folder, a
 * named pipe or a device is refused at once, never waited on.
 *
 * Returns: %TRUE if the backup was merged
 */
gboolean
nichiro_study_import_file (NichiroStudyStore        *store,
                           GFile                    *file,
                           NichiroStudyMergeCounts  *counts,
                           GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *display_name = NULL;
  gsize length;

  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  display_name = g_file_get_parse_name (file);

  if (!nichiro_file_load (file, NICHIRO_STUDY_MAX_SIZE, &text, &length, &local_error))
    {
      /* Not found stays a GIO error, for the caller to tell apart. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("The backup “%s” could not be read: %s."), display_name, local_error->message);
      else
        g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                     _("The backup “%s” could not be read: %s."), display_name, local_error->message);
      return FALSE;
    }

  return nichiro_study_import_json (store, text, length, display_name, counts, error);
}

/**
 * nichiro_study_merge_counts_to_string:
 * @counts: what an import did
 *
 * Returns: (transfer full): sentences saying it, for a toast
 */
char *
nichiro_study_merge_counts_to_string (const NichiroStudyMergeCounts *counts)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) self_test = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *entries_text = NULL;
  g_autofree char *kinds_text = NULL;
  g_autofree char *self_test_text = NULL;
  g_autofree char *imported = NULL;

  g_return_val_if_fail (counts != NULL, NULL);

  if (counts->reviews > 0)
    g_ptr_array_add (self_test, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u review added to the log",
                                                              "%u reviews added to the log",
                                                              counts->reviews),
                                                 counts->reviews));
  if (counts->cards > 0)
    g_ptr_array_add (self_test, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u card’s schedule taken from the backup",
                                                              "%u cards’ schedules taken from the backup",
                                                              counts->cards),
                                                 counts->cards));
  g_ptr_array_add (self_test, NULL);
  self_test_text = g_strjoinv (", ", (char **) self_test->pdata);

  if (counts->added + counts->updated == 0 && self_test->len > 1)
    return g_strdup_printf (_("Imported for the self-test: %s."), self_test_text);

  if (counts->added + counts->updated == 0)
    {
      if (counts->kept > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Nothing imported: the backup’s %u differing entry is older than yours, "
                                             "so yours was kept.",
                                             "Nothing imported: the backup’s %u differing entries are older than yours, "
                                             "so yours were kept.",
                                             counts->kept),
                                counts->kept);
      return g_strdup (_("Nothing imported: the backup holds nothing new."));
    }

  if (counts->added > 0)
    g_ptr_array_add (entries, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry added", "%u entries added",
                                                            counts->added),
                                               counts->added));
  if (counts->updated > 0)
    g_ptr_array_add (entries, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u entry updated from the backup",
                                                            "%u entries updated from the backup",
                                                            counts->updated),
                                               counts->updated));
  if (counts->kept > 0)
    g_ptr_array_add (entries, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u kept because yours is newer",
                                                            "%u kept because yours are newer",
                                                            counts->kept),
                                               counts->kept));
  g_ptr_array_add (entries, NULL);

  if (counts->notes > 0)
    g_ptr_array_add (kinds, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", counts->notes),
                                             counts->notes));
  if (counts->studied > 0)
    g_ptr_array_add (kinds, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u studied mark", "%u studied marks",
                                                          counts->studied),
                                             counts->studied));
  if (counts->bookmarks > 0)
    g_ptr_array_add (kinds, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bookmark", "%u bookmarks",
                                                          counts->bookmarks),
                                             counts->bookmarks));
  if (counts->pages > 0)
    g_ptr_array_add (kinds, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page reference",
                                                          "%u page references", counts->pages),
                                             counts->pages));
  g_ptr_array_add (kinds, NULL);

  entries_text = g_strjoinv (", ", (char **) entries->pdata);
  imported = g_strdup_printf (_("Imported: %s."), entries_text);
  if (kinds->len > 1)
    {
      g_autofree char *sentences = NULL;

      kinds_text = g_strjoinv (", ", (char **) kinds->pdata);
      sentences = g_strdup_printf (_("%s What changed: %s."), imported, kinds_text);
      g_free (imported);
      imported = g_steal_pointer (&sentences);
    }
  if (self_test->len == 1)
    return g_steal_pointer (&imported);

  return g_strdup_printf (_("%s Self-test: %s."), imported, self_test_text);
}
