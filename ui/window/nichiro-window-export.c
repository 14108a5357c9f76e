/* nichiro-window-export.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nichiro-study-export.h"
#include "nichiro-ui-utils.h"
#include "nichiro-window-private.h"

/* The notes leave the window and come back: Export and Import, through
 * the file chooser. */

static void
export_to_file (NichiroWindow *self,
                GFile         *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  NichiroDataset *dataset = nichiro_session_get_dataset (self->session);

  /* A .json name makes a backup that Import can restore; anything else
   * is Markdown to read. */
  if (g_str_has_suffix (basename, ".json"))
    contents = nichiro_study_export_json (nichiro_session_get_store (self->session), dataset);
  else
    contents = nichiro_study_export_markdown (nichiro_session_get_store (self->session), dataset);

  if (!g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    message = g_strdup_printf (_("Could not export to “%s”: %s"), basename, error->message);
  else
    message = g_strdup_printf (_("Notes exported to “%s”"), basename);

  _nichiro_window_show_toast (self, message);
}

static void
import_from_file (NichiroWindow *self,
                  GFile         *file)
{
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  NichiroStudyMergeCounts counts = { 0, };

  if (!nichiro_study_import_file (nichiro_session_get_store (self->session), file, &counts, &error))
    message = g_strdup_printf (_("Could not import: %s"), error->message);
  else
    message = nichiro_study_merge_counts_to_string (&counts);

  _nichiro_window_show_toast (self, message);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
export_dialog_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(NichiroWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    export_to_file (self, file);
}

static void
import_dialog_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(NichiroWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    import_from_file (self, file);
}
#else
static void
native_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    NichiroWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)) == GTK_FILE_CHOOSER_ACTION_SAVE)
        export_to_file (self, file);
      else
        import_from_file (self, file);
    }

  g_object_unref (dialog);
}
#endif

static GListStore *
note_filters (gboolean with_markdown)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) markdown = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  gtk_file_filter_set_name (markdown, _("Markdown"));
  gtk_file_filter_add_pattern (markdown, "*.md");
  gtk_file_filter_set_name (json, _("Nichiro backup (JSON)"));
  gtk_file_filter_add_pattern (json, "*.json");
  if (with_markdown)
    g_list_store_append (filters, markdown);
  g_list_store_append (filters, json);

  return filters;
}

/* Files go through the file chooser portal inside the Flatpak sandbox:
 * GtkFileDialog where GTK has it, GtkFileChooserNative on GTK 4.8. */
static void
choose_file (NichiroWindow *self,
             gboolean       save)
{
  g_autoptr(GListStore) filters = note_filters (save);

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  if (save)
    {
      gtk_file_dialog_set_title (dialog, _("Export Notes"));
      gtk_file_dialog_set_initial_name (dialog, "nichiro-notes.md");
      gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, export_dialog_done_cb, g_object_ref (self));
    }
  else
    {
      gtk_file_dialog_set_title (dialog, _("Import Notes"));
      gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, import_dialog_done_cb, g_object_ref (self));
    }
#else
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (save ? _("Export Notes") : _("Import Notes"),
                                        GTK_WINDOW (self),
                                        save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        save ? _("_Export") : _("_Import"),
                                        NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filters)); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  if (save)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "nichiro-notes.md");
  g_signal_connect_object (dialog, "response", G_CALLBACK (native_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
#endif
}

static void
export_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  if (nichiro_session_get_store (self->session) != NULL)
    choose_file (self, TRUE);
}

static void
import_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  if (nichiro_session_get_store (self->session) != NULL)
    choose_file (self, FALSE);
}

void
_nichiro_window_class_add_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-notes", NULL, export_notes_action);
  gtk_widget_class_install_action (widget_class, "win.import-notes", NULL, import_notes_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-notes", NULL);
}
