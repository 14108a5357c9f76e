/* nichiro-window-export.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-study-export.h"
#include "nichiro-ui-utils.h"
#include "nichiro-window-private.h"

/* The notes leave the window and come back: Export as Markdown or as a
 * backup, chosen in the menu before the file chooser opens (a filter in
 * the chooser chose nothing: the name did), and Import. The chooser
 * opens in the folder used last, or in Documents. */

#define FORMAT_KEY "nichiro-export-format"
#define FILE_KEY "nichiro-export-file"

static void
remember_folder (NichiroWindow *self,
                 GFile         *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);

  if (self->settings != NULL && folder != NULL && g_file_peek_path (folder) != NULL)
    g_settings_set_string (self->settings, "export-folder", g_file_peek_path (folder));
}

static void
show_exported_cb (NichiroWindow *self,
                  AdwToast      *toast)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), FILE_KEY);

  nichiro_show_in_files (GTK_WIDGET (self), file);
}

static void
write_export (NichiroWindow       *self,
              NichiroExportFormat  format,
              GFile               *file)
{
  NichiroStudyStore *store = nichiro_session_get_store (self->session);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (store == NULL)
    return;

  if (!nichiro_study_export_file (store, nichiro_session_get_dataset (self->session), format, file, &error))
    {
      message = g_strdup_printf (_("Could not export to “%s”: %s"), basename, error->message);
      _nichiro_window_show_toast (self, message);
      return;
    }

  remember_folder (self, file);
  if (format == NICHIRO_EXPORT_BACKUP)
    message = g_strdup_printf (_("Backup saved as “%s”; Import Notes restores it"), basename);
  else
    message = g_strdup_printf (_("Notes exported as “%s”"), basename);
  toast = nichiro_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("Show in _Files"));
  g_object_set_data_full (G_OBJECT (toast), FILE_KEY, g_object_ref (file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (show_exported_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     NichiroWindow    *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), FILE_KEY);

  if (g_strcmp0 (response, "replace") == 0)
    write_export (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), FORMAT_KEY)), file);
}

/**
 * _nichiro_window_export_to:
 * @self: a window
 * @format: the format chosen in the menu
 * @chosen: the file chosen in the file chooser
 *
 * Exports the notes in @format to @chosen, renamed to the format's
 * extension when it has another. The chooser asked before replacing
 * @chosen; a renamed file that already exists is asked about here.
 */
void
_nichiro_window_export_to (NichiroWindow       *self,
                           NichiroExportFormat  format,
                           GFile               *chosen)
{
  g_autoptr(GFile) file = nichiro_export_format_fix_name (format, chosen);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *folder_name = NULL;
  GtkWidget *dialog;

  if (g_file_equal (file, chosen) || !g_file_query_exists (file, NULL))
    {
      write_export (self, format, file);
      return;
    }

  basename = g_file_get_basename (file);
  folder = g_file_get_parent (file);
  folder_name = folder != NULL ? g_file_get_parse_name (folder) : g_strdup ("/");
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Replace “%s”?"), basename);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  format == NICHIRO_EXPORT_BACKUP
                                  ? _("A backup’s name ends in “.json”, and a file named “%s” is already in “%s”. Replacing it overwrites what it holds.")
                                  : _("Markdown’s name ends in “.md”, and a file named “%s” is already in “%s”. Replacing it overwrites what it holds."),
                                  basename, folder_name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), FORMAT_KEY, GINT_TO_POINTER (format));
  g_object_set_data_full (G_OBJECT (dialog), FILE_KEY, g_steal_pointer (&file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _nichiro_window_dup_export_folder:
 * @self: a window
 *
 * Returns: (transfer full): the folder Export and Import open in: the one
 *   used last if it is still there, else Documents, else the home folder
 */
GFile *
_nichiro_window_dup_export_folder (NichiroWindow *self)
{
  g_autofree char *remembered = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (self->settings != NULL)
    remembered = g_settings_get_string (self->settings, "export-folder");
  if (remembered != NULL && remembered[0] != '\0' && g_file_test (remembered, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (remembered);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

static void
import_from_file (NichiroWindow *self,
                  GFile         *file)
{
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  NichiroStudyMergeCounts counts = { 0, };

  if (!nichiro_study_import_file (nichiro_session_get_store (self->session), file, &counts, &error))
    {
      message = g_strdup_printf (_("Could not import: %s"), error->message);
    }
  else
    {
      remember_folder (self, file);
      message = nichiro_study_merge_counts_to_string (&counts);
    }

  _nichiro_window_show_toast (self, message);
}

static GtkFileFilter *
format_filter (NichiroExportFormat format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (format == NICHIRO_EXPORT_BACKUP)
    {
      gtk_file_filter_set_name (filter, _("Nichiro backup (JSON)"));
      gtk_file_filter_add_pattern (filter, "*.json");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Markdown"));
      gtk_file_filter_add_pattern (filter, "*.md");
      gtk_file_filter_add_pattern (filter, "*.markdown");
    }

  return filter;
}

static char *
initial_name (NichiroExportFormat format)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;

  if (format == NICHIRO_EXPORT_MARKDOWN)
    return g_strdup ("nichiro-notes.md");

  /* Backups are kept, several of them: each is named by its day. */
  now = g_date_time_new_now_local ();
  date = g_date_time_format (now, "%Y-%m-%d");
  return g_strdup_printf ("nichiro-backup-%s.json", date);
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
    _nichiro_window_export_to (self, GPOINTER_TO_INT (g_object_get_data (source, FORMAT_KEY)), file);
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
        _nichiro_window_export_to (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), FORMAT_KEY)), file);
      else
        import_from_file (self, file);
    }

  g_object_unref (dialog);
}
#endif

/* Files go through the file chooser portal inside the Flatpak sandbox:
 * GtkFileDialog where GTK has it, GtkFileChooserNative on GTK 4.8. @save
 * is FALSE to import. */
static void
choose_file (NichiroWindow       *self,
             gboolean             save,
             NichiroExportFormat  format)
{
  g_autoptr(GtkFileFilter) filter = format_filter (save ? format : NICHIRO_EXPORT_BACKUP);
  g_autoptr(GFile) folder = _nichiro_window_dup_export_folder (self);
  g_autofree char *name = initial_name (format);
  const char *title = !save ? _("Import Notes")
                      : format == NICHIRO_EXPORT_BACKUP ? _("Export Backup")
                      : _("Export Notes as Markdown");

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_initial_folder (dialog, folder);
  if (save)
    {
      g_object_set_data (G_OBJECT (dialog), FORMAT_KEY, GINT_TO_POINTER (format));
      gtk_file_dialog_set_initial_name (dialog, name);
      gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, export_dialog_done_cb, g_object_ref (self));
    }
  else
    {
      gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, import_dialog_done_cb, g_object_ref (self));
    }
#else
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                        save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        save ? _("_Export") : _("_Import"),
                                        NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  /* Only a folder that is gone fails, and then the chooser opens where it would. */
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  if (save)
    {
      g_object_set_data (G_OBJECT (dialog), FORMAT_KEY, GINT_TO_POINTER (format));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
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
    choose_file (self, TRUE, NICHIRO_EXPORT_MARKDOWN);
}

static void
export_backup_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  if (nichiro_session_get_store (self->session) != NULL)
    choose_file (self, TRUE, NICHIRO_EXPORT_BACKUP);
}

static void
import_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  if (nichiro_session_get_store (self->session) != NULL)
    choose_file (self, FALSE, NICHIRO_EXPORT_BACKUP);
}

void
_nichiro_window_class_add_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-notes", NULL, export_notes_action);
  gtk_widget_class_install_action (widget_class, "win.export-backup", NULL, export_backup_action);
  gtk_widget_class_install_action (widget_class, "win.import-notes", NULL, import_notes_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-notes", NULL);
}
