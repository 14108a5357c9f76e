/* nichiro-window-actions.c
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

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  _nichiro_window_reveal_sidebar (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  nichiro_session_go_back (NICHIRO_WINDOW (widget)->session);
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  nichiro_session_go_forward (NICHIRO_WINDOW (widget)->session);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  nichiro_session_set_query (self->session, g_variant_get_string (parameter, NULL));
  _nichiro_window_reveal_sidebar (self);
}

static void
search_help_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  gtk_menu_button_popup (self->search_help_button);
}

static void
copy_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);
  NichiroEntry *entry = nichiro_session_get_selected (self->session);
  g_autofree char *citation = NULL;

  if (entry == NULL)
    return;

  citation = nichiro_dataset_dup_citation (nichiro_session_get_dataset (self->session), entry);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), citation);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Citation copied")));
}

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

static void
show_study_file_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);
  NichiroStudyStore *store = nichiro_session_get_store (self->session);
  g_autoptr(GFile) file = NULL;

  if (store == NULL)
    return;

  file = g_file_new_for_path (nichiro_study_store_get_path (store));
  nichiro_show_in_files (widget, file);
}

static void
show_moved_aside_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);
  NichiroStudyStore *store = nichiro_session_get_store (self->session);
  g_autoptr(GFile) file = NULL;

  if (store == NULL || nichiro_study_store_get_moved_aside_path (store) == NULL)
    return;

  file = g_file_new_for_path (nichiro_study_store_get_moved_aside_path (store));
  nichiro_show_in_files (widget, file);
}

/* Try Again on the banner that says the last save failed: it goes when
 * the notes are saved, and says why again if they are not. */
static void
save_study_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);
  NichiroStudyStore *store = nichiro_session_get_store (self->session);

  if (store != NULL && nichiro_study_store_flush (store, NULL))
    _nichiro_window_show_toast (self, _("Your notes are saved"));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  nichiro_timeline_set_show_list (self->timeline, !nichiro_timeline_get_show_list (self->timeline));
}

/* The shortcuts window is built the first time it is asked for, not with
 * every window as GtkApplication would build gtk/help-overlay.ui. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/nichiro/Nichiro/ui/nichiro-shortcuts-window.ui");

      gtk_application_window_set_help_overlay (window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }

  gtk_widget_activate_action (widget, "win.show-help-overlay", NULL);
}

void
_nichiro_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.search-for", "s", search_action);
  gtk_widget_class_install_action (widget_class, "win.search-help", NULL, search_help_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.forward", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.copy-citation", NULL, copy_citation_action);
  gtk_widget_class_install_action (widget_class, "win.export-notes", NULL, export_notes_action);
  gtk_widget_class_install_action (widget_class, "win.import-notes", NULL, import_notes_action);
  gtk_widget_class_install_action (widget_class, "win.show-study-file", NULL, show_study_file_action);
  gtk_widget_class_install_action (widget_class, "win.show-moved-aside", NULL, show_moved_aside_action);
  gtk_widget_class_install_action (widget_class, "win.save-study", NULL, save_study_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-timeline-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_action);
  gtk_widget_class_install_property_action (widget_class, "win.title-language", "title-language");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-help", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-citation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-notes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.toggle-timeline-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-shortcuts", NULL);
  /* GtkWindow's own action, which asks close-request as the close button does. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}
