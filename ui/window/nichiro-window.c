/* nichiro-window.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nichiro-entry-row.h"
#include "nichiro-list-row.h"
#include "nichiro-search-help.h"
#include "nichiro-ui-utils.h"
#include "nichiro-window-private.h"

G_DEFINE_FINAL_TYPE (NichiroWindow, nichiro_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_TITLE_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_nichiro_window_show_toast (NichiroWindow *self,
                            const char    *message)
{
  AdwToast *toast = nichiro_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_progress (NichiroWindow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  guint studied, total;

  NichiroStudyStore *store = nichiro_session_get_store (self->session);

  if (store == NULL)
    return;

  nichiro_study_store_get_progress (store, nichiro_session_get_dataset (self->session), &studied, &total);
  /* Translators: entries studied out of all entries, in the header bar */
  text = g_strdup_printf (_("%u/%u"), studied, total);
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u entry studied", "%u of %u entries studied", total),
                             studied, total);
  gtk_label_set_text (self->progress_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->progress_label), tooltip);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), TRUE);
}

/* The sidebar's footer says what the sidebar shows: the results of a
 * search; else the guide's parts, all the entries, or the entries under
 * review, by the page shown. */
static void
update_count (NichiroWindow *self)
{
  NichiroDataset *dataset;
  const char *page = adw_view_stack_get_visible_child_name (self->sidebar_views);
  g_autofree char *text = NULL;
  guint n;

  /* The stack shows its first page while the template is built. */
  if (self->session == NULL)
    return;
  dataset = nichiro_session_get_dataset (self->session);

  if (nichiro_session_get_query (self->session)[0] != '\0')
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (nichiro_session_get_results (self->session)));
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", n), n);
    }
  else if (g_strcmp0 (page, "review") == 0 && self->review != NULL)
    {
      n = g_list_model_get_n_items (nichiro_review_get_model (self->review));
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry bookmarked or noted",
                                           "%u entries bookmarked or noted", n), n);
    }
  else if (g_strcmp0 (page, "guide") == 0)
    {
      guint n_entries = g_list_model_get_n_items (nichiro_dataset_get_entries (dataset));
      g_autofree char *parts = NULL;
      g_autofree char *entries = NULL;

      nichiro_dataset_get_parts (dataset, &n);
      parts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u part", "%u parts", n), n);
      entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n_entries), n_entries);
      /* Translators: the guide's footer, "6 parts · 76 entries" */
      text = g_strdup_printf (_("%s · %s"), parts, entries);
    }
  else
    {
      n = g_list_model_get_n_items (nichiro_dataset_get_entries (dataset));
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n), n);
    }

  gtk_label_set_text (self->count_label, text);
}

static void fold_away (NichiroWindow *self);

/* The sidebar shows the chapter while nothing is searched for, and the
 * session's results while something is, in a list made when first
 * needed. */
static void
results_changed_cb (NichiroWindow *self)
{
  const char *query = nichiro_session_get_query (self->session);

  update_count (self);
  if (query[0] == '\0')
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "list");
      nichiro_selection_show_entry (self->entries_selection, nichiro_session_get_selected (self->session));
      return;
    }

  if (self->results_view == NULL)
    {
      self->results_view = NICHIRO_RESULTS_VIEW (nichiro_results_view_new ());
      gtk_widget_set_vexpand (GTK_WIDGET (self->results_view), TRUE);
      g_signal_connect_object (self->results_view, "activated", G_CALLBACK (fold_away), self, G_CONNECT_SWAPPED);
      nichiro_results_view_set_session (self->results_view, self->session);
      gtk_stack_add_named (self->sidebar_stack, GTK_WIDGET (self->results_view), "results");
    }
  gtk_stack_set_visible_child_name (self->sidebar_stack, "results");
}

/* A search that led the reader to an entry is worth offering again. */
static void
remember_search (NichiroWindow *self,
                 NichiroEntry  *selected)
{
  GListModel *results = G_LIST_MODEL (nichiro_session_get_results (self->session));
  const NichiroSearchResults *found = nichiro_results_model_get_results (nichiro_session_get_results (self->session));

  if (self->settings == NULL || selected == NULL || found == NULL || g_list_model_get_n_items (results) == 0)
    return;

  for (guint i = 0; i < found->items->len; i++)
    if (((NichiroSearchResult *) g_ptr_array_index (found->items, i))->entry == selected)
      {
        nichiro_search_help_remember (self->settings, nichiro_session_get_query (self->session));
        return;
      }
}

static void
session_selected_changed_cb (NichiroWindow *self)
{
  NichiroEntry *selected = nichiro_session_get_selected (self->session);
  NichiroStudyStore *store = nichiro_session_get_store (self->session);

  nichiro_selection_show_entry (self->entries_selection, selected);
  remember_search (self, selected);

  /* An entry chosen elsewhere is read; one the self-test shows with an
   * answer stays on the timeline, behind the card. */
  if (selected != NULL && self->self_test_page != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "self-test") == 0 &&
      !nichiro_self_test_page_shows_entry (self->self_test_page, selected))
    gtk_stack_set_visible_child_name (self->content_stack, "entry");

  /* Where the reader is, so that the next start continues there. */
  if (store != NULL && selected != NULL && !nichiro_study_store_get_read_only (store))
    nichiro_study_store_set_last_entry (store, nichiro_session_get_dataset_id (self->session),
                                        nichiro_entry_get_id (selected), NULL);
}

static void search_changed_cb (NichiroWindow  *self,
                               GtkSearchEntry *entry);

static void
session_query_changed_cb (NichiroWindow *self)
{
  g_autofree char *query = g_strdup (nichiro_session_get_query (self->session));
  g_autofree char *shown = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  /* Replacing the text empties the entry first, and an empty search entry
   * reports a search at once: that must not write back to the session. */
  if (g_strcmp0 (shown, query) != 0)
    {
      g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
      g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
    }

  results_changed_cb (self);
}

static void
entries_selection_changed_cb (NichiroWindow *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->entries_selection);

  if (item != NULL)
    nichiro_session_set_selected (self->session, item);
}

static void
search_changed_cb (NichiroWindow  *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  nichiro_session_set_query (self->session, query);
}

void
_nichiro_window_reveal_sidebar (NichiroWindow *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

/* Typing elsewhere in the window starts a search: the entry takes the
 * focus, so that the next keys (a space, say) go on into the query rather
 * than to the list. */
static void
search_started_cb (NichiroWindow  *self,
                   GtkSearchEntry *entry)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (entry));

  _nichiro_window_reveal_sidebar (self);
  if (GTK_IS_TEXT (delegate) && !gtk_widget_has_focus (GTK_WIDGET (delegate)))
    gtk_text_grab_focus_without_selecting (GTK_TEXT (delegate));
}

/* Escape in the search entry clears it and goes on to the list the
 * sidebar shows; pressed elsewhere, it only clears the search. */
static void
stop_search_cb (NichiroWindow  *self,
                GtkSearchEntry *entry)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  if (focus == NULL || focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)))
    gtk_widget_child_focus (adw_view_stack_get_visible_child (self->sidebar_views), GTK_DIR_TAB_FORWARD);
}

static gboolean
searching (NichiroWindow *self)
{
  return nichiro_session_get_query (self->session)[0] != '\0';
}

static void
fold_away (NichiroWindow *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
activate_entry_position (NichiroWindow *self,
                         guint          position)
{
  GListModel *entries = nichiro_dataset_get_entries (nichiro_session_get_dataset (self->session));
  g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, position);

  if (entry != NULL)
    nichiro_session_set_selected (self->session, entry);
  fold_away (self);
}

static void
search_activate_cb (NichiroWindow  *self,
                    GtkSearchEntry *entry)
{
  if (searching (self))
    nichiro_results_view_activate_highlighted (self->results_view);
  else
    activate_entry_position (self, 0);
}

static gboolean
search_key_pressed_cb (NichiroWindow         *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  if (searching (self))
    return nichiro_results_view_focus_list (self->results_view);

  _nichiro_window_ensure_entry_list (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->entries_selection)) == 0)
    return FALSE;
  if (gtk_single_selection_get_selected (self->entries_selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->entries_selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry_list));
  return TRUE;
}

/* Enter on a button or a row outside the search entry does what Space
 * does. The search entry listens to the keys nothing else took, to start
 * a search from anywhere; Enter would open its highlighted result instead
 * of the link the reader is on. */
static gboolean
enter_pressed_cb (NichiroWindow         *self,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  GtkEventControllerKey *controller)
{
  GtkWidget *focus;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;

  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus == NULL || focus == GTK_WIDGET (self->search_entry) ||
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry)) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_activate (focus);
  return GDK_EVENT_STOP;
}

static void
entry_list_activate_cb (NichiroWindow *self,
                        guint          position)
{
  activate_entry_position (self, position);
}

static gpointer
entry_row_item (GtkWidget *content)
{
  return NICHIRO_IS_ENTRY_ROW (content) ? nichiro_entry_row_get_entry (NICHIRO_ENTRY_ROW (content)) : NULL;
}

/* The "All" list makes its rows when it is first shown, not for the first
 * frame, which shows the guide. */
void
_nichiro_window_ensure_entry_list (NichiroWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  if (gtk_single_selection_get_model (self->entries_selection) != NULL)
    return;

  factory = nichiro_entry_row_create_factory (self->session);
  gtk_list_view_set_factory (self->entry_list, factory);
  gtk_single_selection_set_model (self->entries_selection,
                                  nichiro_dataset_get_entries (nichiro_session_get_dataset (self->session)));
  nichiro_selection_show_entry (self->entries_selection, nichiro_session_get_selected (self->session));
}

/* So is the review of bookmarks and notes, the first time it is shown. */
static void
sidebar_page_changed_cb (NichiroWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->sidebar_views);

  if (g_strcmp0 (name, "entries") == 0)
    _nichiro_window_ensure_entry_list (self);
  else if (g_strcmp0 (name, "review") == 0 && self->review == NULL && self->session != NULL)
    {
      self->review = NICHIRO_REVIEW (nichiro_review_new ());
      g_signal_connect_object (nichiro_review_get_model (self->review), "items-changed",
                               G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
      nichiro_review_set_session (self->review, self->session);
      adw_bin_set_child (self->review_bin, GTK_WIDGET (self->review));
    }
  update_count (self);
}

/* So is the main menu's popover. */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  NichiroWindow *self = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* The search help is made the first time it is opened. */
static void
create_search_help_cb (GtkMenuButton *button,
                       gpointer       user_data)
{
  NichiroWindow *self = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_popover (button, nichiro_search_help_new (self->session, self->settings));
}

/* The sidebar is as wide in every language: when the pages' names side by
 * side with their icons are wider than it (Russian's "Путеводитель"), the
 * names go under the icons, where they are cut short if they must. */
static void
fit_view_switcher (NichiroWindow *self)
{
  int available, width;

  /* Both sizes count the switcher's margins. Its natural width: from
   * libadwaita 1.4 or so its labels ellipsize, so its minimum always fits
   * ("Mark…"). */
  gtk_widget_get_size_request (self->sidebar, &available, NULL);
  gtk_widget_measure (GTK_WIDGET (self->view_switcher), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  if (width > available)
    adw_view_switcher_set_policy (self->view_switcher, ADW_VIEW_SWITCHER_POLICY_NARROW);
}

/* A narrow window with nothing to read yet shows the list, not an empty page. */
static void
flap_folded_cb (NichiroWindow *self)
{
  if (adw_flap_get_folded (self->flap) && nichiro_session_get_selected (self->session) == NULL)
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
update_history_actions (NichiroWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 nichiro_session_can_go_back (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.forward",
                                 nichiro_session_can_go_forward (self->session));
}

static void
mouse_button_pressed_cb (NichiroWindow   *self,
                         int              n_press,
                         double           x,
                         double           y,
                         GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  /* The side buttons of a mouse: 8 is Back, 9 is Forward. */
  if (button == 8)
    nichiro_session_go_back (self->session);
  else if (button == 9)
    nichiro_session_go_forward (self->session);
  else
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     NichiroWindow    *self)
{
  g_clear_weak_pointer (&self->unsaved_dialog);
  if (!g_str_equal (response, "quit"))
    return;

  /* The dialog closes after its response, which must not find the window
   * it belonged to gone. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
restore_state (NichiroWindow *self)
{
  double start, end;

  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (self->settings, "sidebar-visible"));

  start = g_settings_get_double (self->settings, "timeline-start");
  end = g_settings_get_double (self->settings, "timeline-end");
  if (start > 0.0 && end > start)
    nichiro_session_set_visible_range (self->session, start, end);
}

static void
save_state (NichiroWindow *self)
{
  double start, end;
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  _nichiro_window_save_timeline (self);
  if (!adw_flap_get_folded (self->flap))
    g_settings_set_boolean (self->settings, "sidebar-visible", adw_flap_get_reveal_flap (self->flap));
  nichiro_session_get_visible_range (self->session, &start, &end);
  if (end > start)
    {
      g_settings_set_double (self->settings, "timeline-start", start);
      g_settings_set_double (self->settings, "timeline-end", end);
    }
  g_settings_apply (self->settings);
}

/* Whether another main window shows the same study store, and keeps it. */
static gboolean
is_last_window (NichiroWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (application == NULL)
    return TRUE;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      if (l->data != (gpointer) self && NICHIRO_IS_WINDOW (l->data) &&
          nichiro_session_get_store (NICHIRO_WINDOW (l->data)->session) == nichiro_session_get_store (self->session))
        return FALSE;
    }

  return TRUE;
}

static void
ask_about_unsaved (NichiroWindow *self,
                   const GError  *error)
{
  NichiroStudyStore *store = nichiro_session_get_store (self->session);
  g_autofree char *reason = NULL;
  GtkWidget *dialog;

  /* The store's errors are sentences that name the file. */
  if (error != NULL)
    reason = g_strdup (error->message);
  else
    reason = g_strdup_printf (_("Your latest notes could not be written to “%s”."),
                              nichiro_study_store_get_path (store));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Notes Not Saved"), NULL);
  /* The body is plain text: the path and the error may hold anything. */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s If you quit now, your latest notes are lost."), reason);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Open"),
                                    "quit", _("_Quit Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "quit", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  g_set_weak_pointer (&self->unsaved_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Every way out passes here: the close button, Ctrl+W, and through
 * nichiro_application_request_quit() Ctrl+Q, the signals and the end of
 * the session. Notes are saved as they are typed; the last window to
 * close saves what is left, and asks when the disk refuses rather than
 * losing them quietly. */
static gboolean
close_request_cb (NichiroWindow *self)
{
  NichiroStudyStore *store = nichiro_session_get_store (self->session);
  g_autoptr(GError) error = NULL;

  if (self->unsaved_dialog != NULL)
    {
      gtk_window_present (self->unsaved_dialog);
      return TRUE;
    }

  save_state (self);

  if (store == NULL || !is_last_window (self) || nichiro_study_store_get_read_only (store) ||
      nichiro_study_store_flush (store, &error) ||
      !nichiro_study_store_has_unsaved_changes (store))
    return FALSE;

  ask_about_unsaved (self, error);
  return TRUE;
}

static void
nichiro_window_constructed (GObject *object)
{
  NichiroWindow *self = (NichiroWindow *)object;
  NichiroStudyStore *store;
  NichiroDataset *dataset;

  G_OBJECT_CLASS (nichiro_window_parent_class)->constructed (object);

  g_assert (NICHIRO_IS_SESSION (self->session));

  dataset = nichiro_session_get_dataset (self->session);
  store = nichiro_session_get_store (self->session);

  /* The language first, so that the views name entries once. */
  self->settings = nichiro_lookup_settings ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "title-language", self, "title-language", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "show-map", self->map_button, "active", G_SETTINGS_BIND_DEFAULT);
    }
  nichiro_session_set_title_language (self->session, nichiro_language_from_setting (self->title_language));
  _nichiro_window_add_citation_style_action (self);

  /* Continue where the reader left off. */
  if (store != NULL && nichiro_session_get_selected (self->session) == NULL)
    {
      const char *last_entry = nichiro_study_store_get_last_entry (store, nichiro_session_get_dataset_id (self->session));

      if (last_entry != NULL)
        nichiro_session_select_id (self->session, last_entry);
    }

  nichiro_detail_view_set_session (self->detail_view, self->session);
  nichiro_timeline_set_session (self->timeline, self->session);
  nichiro_guide_set_session (self->guide, self->session);
  g_signal_group_set_target (self->session_signals, self->session);

  _nichiro_window_follow_self_test (self);

  if (store != NULL)
    {
      g_signal_connect_object (store, "notify::read-only",
                               G_CALLBACK (_nichiro_window_update_banners), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::moved-aside-path",
                               G_CALLBACK (_nichiro_window_update_banners), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::save-error",
                               G_CALLBACK (_nichiro_window_update_banners), self, G_CONNECT_SWAPPED);
      update_progress (self);
    }
  _nichiro_window_update_banners (self);

  sidebar_page_changed_cb (self);

  gtk_window_set_title (GTK_WINDOW (self), nichiro_dataset_get_title (dataset));
  restore_state (self);
  _nichiro_window_init_timeline (self);
  update_history_actions (self);
  session_query_changed_cb (self);
  _nichiro_window_update_content (self);
}

static void
nichiro_window_dispose (GObject *object)
{
  NichiroWindow *self = (NichiroWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_WINDOW);

  g_clear_weak_pointer (&self->unsaved_dialog);
  g_clear_object (&self->entries_selection);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (nichiro_window_parent_class)->dispose (object);
}

static void
nichiro_window_finalize (GObject *object)
{
  NichiroWindow *self = (NichiroWindow *)object;

  /* Not in dispose: the settings binding lasts until finalization. */
  g_clear_pointer (&self->title_language, g_free);

  G_OBJECT_CLASS (nichiro_window_parent_class)->finalize (object);
}

/* The setting, bound to the primary menu's radio items; the session gets
 * the language it names. */
static void
set_title_language (NichiroWindow *self,
                    const char    *value)
{
  if (value == NULL || g_strcmp0 (self->title_language, value) == 0)
    return;

  g_free (self->title_language);
  self->title_language = g_strdup (value);
  if (self->session != NULL)
    nichiro_session_set_title_language (self->session, nichiro_language_from_setting (value));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_LANGUAGE]);
}

static void
nichiro_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NichiroWindow *self = NICHIRO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_TITLE_LANGUAGE:
      g_value_set_string (value, self->title_language);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NichiroWindow *self = NICHIRO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_TITLE_LANGUAGE:
      set_title_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_window_class_init (NichiroWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nichiro_window_constructed;
  object_class->dispose = nichiro_window_dispose;
  object_class->finalize = nichiro_window_finalize;
  object_class->get_property = nichiro_window_get_property;
  object_class->set_property = nichiro_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroWindow:title-language:
   *
   * The language entry titles lead in: "en", "ja", "ru", or "follow" for
   * the user interface's. Bound to the title-language setting; the
   * win.title-language action sets it.
   */
  properties[PROP_TITLE_LANGUAGE] =
    g_param_spec_string ("title-language", NULL, NULL, "follow",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NICHIRO_TYPE_DETAIL_VIEW);
  g_type_ensure (NICHIRO_TYPE_GUIDE);
  g_type_ensure (NICHIRO_TYPE_MAP);
  g_type_ensure (NICHIRO_TYPE_REVIEW);
  g_type_ensure (NICHIRO_TYPE_TIMELINE);
  g_type_ensure (NICHIRO_TYPE_RESULTS_VIEW);
  g_type_ensure (NICHIRO_TYPE_SELF_TEST_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, banner_box);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, search_help_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, sidebar_views);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, entry_list);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, detail_view);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, map_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, guide);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, review_bin);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, self_test_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, guide_self_test_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, content_paned);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_started_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, flap_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_page_changed_cb);

  _nichiro_window_class_add_actions (widget_class);
  _nichiro_window_class_init_content (widget_class);
  _nichiro_window_class_init_timeline (widget_class);
}

static void
nichiro_window_init (NichiroWindow *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  /* Before the template: its menu asks the title-language action's state. */
  self->title_language = g_strdup ("follow");
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Measured once it has its style, before the first frame. */
  g_signal_connect_object (self->view_switcher, "realize", G_CALLBACK (fit_view_switcher), self, G_CONNECT_SWAPPED);

  self->session_signals = g_signal_group_new (NICHIRO_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::selected",
                                 G_CALLBACK (session_selected_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::query",
                                 G_CALLBACK (session_query_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::part",
                                 G_CALLBACK (_nichiro_window_session_part_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "results-changed",
                                 G_CALLBACK (results_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "study-changed",
                                 G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::can-go-back",
                                 G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::can-go-forward",
                                 G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);

  self->entries_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->entries_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->entries_selection, TRUE);
  g_signal_connect_object (self->entries_selection, "notify::selected-item",
                           G_CALLBACK (entries_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->entry_list, GTK_SELECTION_MODEL (self->entries_selection));
  nichiro_list_view_use_one_tab_stop (self->entry_list, entry_row_item);

  gtk_menu_button_set_create_popup_func (self->search_help_button, create_search_help_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu_cb, self, NULL);

  /* Typing anywhere in the window starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  /* Added after the search entry's capture, so run before it. */
  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (enter_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (search_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "pressed",
                           G_CALLBACK (mouse_button_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

/**
 * nichiro_window_new:
 * @application: (nullable): the application
 * @session: the state the window's views share; without a study store in
 *   it the study tools are hidden
 *
 * Returns: (transfer full): a new window
 */
NichiroWindow *
nichiro_window_new (GtkApplication *application,
                    NichiroSession *session)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (NICHIRO_IS_SESSION (session), NULL);

  return g_object_new (NICHIRO_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

/**
 * nichiro_window_get_session:
 * @self: a window
 *
 * Returns: (transfer none): the state the window's views share
 */
NichiroSession *
nichiro_window_get_session (NichiroWindow *self)
{
  g_return_val_if_fail (NICHIRO_IS_WINDOW (self), NULL);

  return self->session;
}
