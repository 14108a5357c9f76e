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

#include "nichiro-anki.h"
#include "nichiro-citation.h"
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
toggle_map_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  gtk_toggle_button_set_active (self->map_button, !gtk_toggle_button_get_active (self->map_button));
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
copy_citation (NichiroWindow *self,
               guint          source)
{
  NichiroEntry *entry = nichiro_session_get_selected (self->session);
  NichiroCitationStyle style = NICHIRO_CITATION_CHICAGO;
  static const char *style_names[] = { "Chicago", "APA", "BibTeX" };
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *citation = NULL;
  g_autofree char *message = NULL;
  const NichiroSource *sources;
  guint n_sources;

  if (entry == NULL)
    return;

  if (self->settings != NULL)
    {
      g_autofree char *name = g_settings_get_string (self->settings, "citation-style");

      nichiro_citation_style_from_name (name, &style);
    }
  sources = nichiro_entry_get_sources (entry, &n_sources);
  if (source >= n_sources)
    source = 0;

  citation = nichiro_citation_format (nichiro_session_get_dataset (self->session), entry, source, style, today);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), citation);
  if (n_sources > 0)
    /* Translators: "Chicago citation of “Wikipedia: Treaty of Portsmouth” copied"; the style's name is not translated */
    message = g_strdup_printf (_("%s citation of “%s” copied"), style_names[style], sources[source].title);
  else
    /* Translators: "Chicago citation copied"; the style's name is not translated */
    message = g_strdup_printf (_("%s citation copied"), style_names[style]);
  _nichiro_window_show_toast (self, message);
}

/* The first source, or the one the reader chose in the button's menu, in
 * the style chosen there. */
static void
copy_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  copy_citation (NICHIRO_WINDOW (widget), parameter != NULL ? g_variant_get_uint32 (parameter) : 0);
}

/**
 * _nichiro_window_add_citation_style_action:
 * @self: a window
 *
 * "settings.citation-style", the style of Copy Citation as a radio
 * choice kept in the settings, for the menu of the citation button.
 */
void
_nichiro_window_add_citation_style_action (NichiroWindow *self)
{
  g_autoptr(GSimpleActionGroup) group = NULL;
  g_autoptr(GAction) action = NULL;

  if (self->settings == NULL)
    return;

  group = g_simple_action_group_new ();
  action = g_settings_create_action (self->settings, "citation-style");
  g_action_map_add_action (G_ACTION_MAP (group), action);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));
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

/* The self-test's cards for Anki: the reader's choice of them, in the
 * title language, as a text file Anki imports into a deck named after
 * the dataset. */
static void
export_anki_to_file (NichiroWindow *self,
                     GFile         *file)
{
  NichiroSelfTest *self_test = nichiro_session_get_self_test (self->session);
  NichiroDataset *dataset = nichiro_session_get_dataset (self->session);
  g_autoptr(GPtrArray) cards = nichiro_self_test_dup_chosen_cards (self_test);
  g_autofree char *deck = g_strdup_printf ("Nichiro::%s", nichiro_dataset_get_title (dataset));
  g_autofree char *prefix = g_strdup_printf ("nichiro:%s:", nichiro_dataset_get_id (dataset));
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!nichiro_anki_export_file (cards, nichiro_session_get_title_language (self->session), deck, prefix,
                                 file, NULL, &error))
    message = g_strdup_printf (_("Could not export the cards: %s"), error->message);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u card exported to “%s”: in Anki, File › Import.",
                                            "%u cards exported to “%s”: in Anki, File › Import.", cards->len),
                               cards->len, basename);

  _nichiro_window_show_toast (self, message);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
anki_dialog_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(NichiroWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    export_anki_to_file (self, file);
}
#else
static void
anki_native_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         NichiroWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      export_anki_to_file (self, file);
    }

  g_object_unref (dialog);
}
#endif

static void
export_anki_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = g_strdup_printf ("%s-cards.txt", nichiro_session_get_dataset_id (self->session));

  gtk_file_filter_set_name (filter, _("Anki text file"));
  gtk_file_filter_add_pattern (filter, "*.txt");

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_set_title (dialog, _("Export Cards for Anki"));
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, anki_dialog_done_cb, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *dialog;

    dialog = gtk_file_chooser_native_new (_("Export Cards for Anki"), GTK_WINDOW (self),
                                          GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    g_signal_connect_object (dialog, "response", G_CALLBACK (anki_native_response_cb), self, 0);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  }
#endif
}

static void
self_test_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _nichiro_window_show_self_test (NICHIRO_WINDOW (widget));
}

static void
self_test_stats_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  _nichiro_window_show_self_test (self);
  nichiro_self_test_page_show_stats (self->self_test_page);
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
  _nichiro_window_class_add_export_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.search-for", "s", search_action);
  gtk_widget_class_install_action (widget_class, "win.search-help", NULL, search_help_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-map", NULL, toggle_map_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.forward", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.copy-citation", NULL, copy_citation_action);
  gtk_widget_class_install_action (widget_class, "win.copy-citation-from", "u", copy_citation_action);
  gtk_widget_class_install_action (widget_class, "win.show-study-file", NULL, show_study_file_action);
  gtk_widget_class_install_action (widget_class, "win.show-moved-aside", NULL, show_moved_aside_action);
  gtk_widget_class_install_action (widget_class, "win.save-study", NULL, save_study_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-timeline-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "win.self-test", NULL, self_test_action);
  gtk_widget_class_install_action (widget_class, "win.self-test-stats", NULL, self_test_stats_action);
  gtk_widget_class_install_action (widget_class, "win.export-anki", NULL, export_anki_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_action);
  gtk_widget_class_install_property_action (widget_class, "win.title-language", "title-language");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-help", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.toggle-map", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-citation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.toggle-timeline-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.self-test", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-shortcuts", NULL);
  /* GtkWindow's own action, which asks close-request as the close button does. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}
