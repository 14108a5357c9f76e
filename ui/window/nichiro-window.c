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

#include "nichiro-detail-view.h"
#include "nichiro-entry-row.h"
#include "nichiro-guide.h"
#include "nichiro-result-row.h"
#include "nichiro-results-model.h"
#include "nichiro-review.h"
#include "nichiro-search-hit.h"
#include "nichiro-study-export.h"
#include "nichiro-timeline.h"
#include "nichiro-ui-utils.h"
#include "nichiro-window.h"

struct _NichiroWindow
{
  AdwApplicationWindow parent_instance;

  NichiroSession *session;
  NichiroStudyStore *store;
  GSettings *settings;
  GtkSingleSelection *entries_selection;
  GtkSingleSelection *results_selection;
  NichiroResultsModel *results;
  char *suggestion;
  char *title_language;     /* the setting: "follow", "en", "ja" or "ru" */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwFlap *flap;
  GtkSearchEntry *search_entry;
  GtkStack *sidebar_stack;
  GtkListView *entry_list;
  GtkListView *results_list;
  GtkLabel *warnings_label;
  AdwStatusPage *no_results_page;
  GtkButton *suggestion_button;
  GtkLabel *count_label;
  GtkLabel *progress_label;
  NichiroGuide *guide;
  NichiroReview *review;
  NichiroTimeline *timeline;
  NichiroDetailView *detail_view;
};

G_DEFINE_FINAL_TYPE (NichiroWindow, nichiro_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STORE,
  PROP_TITLE_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (NichiroWindow *self,
            const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static const char *
dataset_id (NichiroWindow *self)
{
  return nichiro_dataset_get_id (nichiro_session_get_dataset (self->session));
}

static gboolean
study_is_cb (NichiroEntry *entry,
             const char   *what,
             gpointer      user_data)
{
  NichiroWindow *self = user_data;
  NichiroStudyFilter filter;

  if (self->store == NULL || !nichiro_study_filter_from_string (what, &filter))
    return FALSE;

  return nichiro_study_store_matches (self->store, dataset_id (self), nichiro_entry_get_id (entry), filter);
}

static const char *
study_note_cb (NichiroEntry *entry,
               gpointer      user_data)
{
  NichiroWindow *self = user_data;

  if (self->store == NULL)
    return NULL;

  return nichiro_study_store_get_note (self->store, dataset_id (self), nichiro_entry_get_id (entry));
}

static const NichiroSearchStudy search_study = { study_is_cb, study_note_cb };

static void
update_progress (NichiroWindow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  guint studied, total;

  if (self->store == NULL)
    return;

  nichiro_study_store_get_progress (self->store, nichiro_session_get_dataset (self->session), &studied, &total);
  /* Translators: entries studied out of all entries, in the header bar */
  text = g_strdup_printf (_("%u/%u"), studied, total);
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u entry studied", "%u of %u entries studied", total),
                             studied, total);
  gtk_label_set_text (self->progress_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->progress_label), tooltip);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), TRUE);
}

static void
store_changed_cb (NichiroWindow *self)
{
  update_progress (self);
}

static void
save_failed_cb (NichiroWindow *self,
                const GError  *error)
{
  g_autofree char *message = g_strdup_printf (_("Your notes could not be saved: %s. Nichiro will try again."),
                                              error->message);

  show_toast (self, message);
}

static NichiroEntry *
item_entry (gpointer item)
{
  if (NICHIRO_IS_SEARCH_HIT (item))
    return nichiro_search_hit_get_entry (item);
  return item;
}

/* Shows the session's selection in @selection, if its list has it. */
static void
sync_selection (NichiroWindow      *self,
                GtkSingleSelection *selection)
{
  NichiroEntry *selected = nichiro_session_get_selected (self->session);
  GListModel *model = G_LIST_MODEL (selection);
  guint n_items = g_list_model_get_n_items (model);
  gpointer current = gtk_single_selection_get_selected_item (selection);

  if (current != NULL && item_entry (current) == selected)
    return;

  for (guint i = 0; selected != NULL && i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item_entry (item) == selected)
        {
          gtk_single_selection_set_selected (selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
}

static void
set_count (NichiroWindow *self,
           guint          n_items,
           gboolean       searching)
{
  g_autofree char *text = NULL;

  if (searching)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", n_items), n_items);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n_items), n_items);

  gtk_label_set_text (self->count_label, text);
}

static void
show_no_results (NichiroWindow *self,
                 const char    *query)
{
  g_autofree char *description = NULL;

  description = g_markup_printf_escaped (_("Nothing matches “%s”. Try fewer words, another spelling, "
                                           "or the name in Japanese or Russian."), query);
  adw_status_page_set_description (self->no_results_page, description);

  if (self->suggestion != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Search for “%s”"), self->suggestion);

      gtk_button_set_label (self->suggestion_button, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_button), self->suggestion != NULL);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "empty");
}

static void
run_query (NichiroWindow *self)
{
  const char *query = nichiro_session_get_query (self->session);
  NichiroSearchResults *results;
  g_autofree char *warnings = NULL;
  guint n_results;

  if (query[0] == '\0')
    {
      nichiro_results_model_set_results (self->results, NULL);
      set_count (self, g_list_model_get_n_items (G_LIST_MODEL (self->entries_selection)), FALSE);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "list");
      sync_selection (self, self->entries_selection);
      return;
    }

  if (self->store != NULL)
    nichiro_search_set_study (nichiro_session_get_search (self->session), &search_study, self);
  results = nichiro_search_run (nichiro_session_get_search (self->session), query);
  n_results = results->items->len;
  warnings = g_strjoinv ("\n", results->warnings);
  g_free (self->suggestion);
  self->suggestion = g_strdup (results->suggestion);
  nichiro_results_model_set_results (self->results, results);

  gtk_label_set_text (self->warnings_label, warnings);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_label), warnings[0] != '\0');

  set_count (self, n_results, TRUE);
  if (n_results == 0)
    show_no_results (self, query);
  else
    gtk_stack_set_visible_child_name (self->sidebar_stack, "results");

  sync_selection (self, self->results_selection);
}

static void
session_selected_changed_cb (NichiroWindow *self)
{
  NichiroEntry *selected = nichiro_session_get_selected (self->session);

  sync_selection (self, self->entries_selection);
  sync_selection (self, self->results_selection);

  /* Where the reader is, so that the next start continues there. */
  if (self->store != NULL && selected != NULL && !nichiro_study_store_get_read_only (self->store))
    nichiro_study_store_set_last_entry (self->store, dataset_id (self), nichiro_entry_get_id (selected), NULL);
}

/* Choosing a part in the guide shows its period on the timeline. */
static void
part_activated_cb (NichiroWindow *self,
                   const char    *part_id)
{
  const NichiroPart *part = nichiro_dataset_lookup_part (nichiro_session_get_dataset (self->session), part_id);
  NichiroDate end;

  if (part == NULL)
    return;

  end = part->end;
  if (end.precision == NICHIRO_DATE_PRECISION_YEAR)
    end = nichiro_date_make (end.year, 12, 31);
  else if (end.precision == NICHIRO_DATE_PRECISION_MONTH)
    end = nichiro_date_make (end.year, end.month, nichiro_date_days_in_month (end.year, end.month, FALSE));

  nichiro_timeline_zoom_to (self->timeline,
                            (double) nichiro_date_to_julian_day (&part->start),
                            (double) nichiro_date_to_julian_day (&end) + 1.0);
}

static void search_changed_cb (NichiroWindow  *self,
                               GtkSearchEntry *entry);

/* The results highlight the title in the language shown: search again. */
static void
session_title_language_changed_cb (NichiroWindow *self)
{
  if (nichiro_session_get_query (self->session)[0] != '\0')
    run_query (self);
}

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

  run_query (self);
}

static void
selection_changed_cb (NichiroWindow      *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  gpointer item = gtk_single_selection_get_selected_item (selection);

  /* Emptying a list (a new search) must not clear what is being read. */
  if (item != NULL)
    nichiro_session_set_selected (self->session, item_entry (item));
}

static void
search_changed_cb (NichiroWindow  *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  nichiro_session_set_query (self->session, query);
}

/* Typing elsewhere in the window starts a search: the entry takes the
 * focus, so that the next keys (a space, say) go on into the query rather
 * than to the list. */
static void
search_started_cb (NichiroWindow  *self,
                   GtkSearchEntry *entry)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (entry));

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
  if (GTK_IS_TEXT (delegate) && !gtk_widget_has_focus (GTK_WIDGET (delegate)))
    gtk_text_grab_focus_without_selecting (GTK_TEXT (delegate));
}

static void
stop_search_cb (NichiroWindow  *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->entry_list));
}

static GtkSingleSelection *
visible_selection (NichiroWindow *self)
{
  if (nichiro_session_get_query (self->session)[0] != '\0')
    return self->results_selection;
  return self->entries_selection;
}

static void
fold_away (NichiroWindow *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
search_activate_cb (NichiroWindow  *self,
                    GtkSearchEntry *entry)
{
  GListModel *model = G_LIST_MODEL (visible_selection (self));
  g_autoptr(GObject) first = NULL;

  if (g_list_model_get_n_items (model) == 0)
    return;

  first = g_list_model_get_item (model, 0);
  nichiro_session_set_selected (self->session, item_entry (first));
  fold_away (self);
}

static gboolean
search_key_pressed_cb (NichiroWindow         *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkSingleSelection *selection = visible_selection (self);

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  if (g_list_model_get_n_items (G_LIST_MODEL (selection)) == 0)
    return FALSE;
  if (gtk_single_selection_get_selected (selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (selection == self->results_selection ? self->results_list
                                                                            : self->entry_list));
  return TRUE;
}

static void
activate_position (NichiroWindow      *self,
                   GtkSingleSelection *selection,
                   guint               position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (selection), position);

  if (item != NULL)
    nichiro_session_set_selected (self->session, item_entry (item));
  fold_away (self);
}

static void
entry_list_activate_cb (NichiroWindow *self,
                        guint          position)
{
  activate_position (self, self->entries_selection, position);
}

static void
results_list_activate_cb (NichiroWindow *self,
                          guint          position)
{
  activate_position (self, self->results_selection, position);
}

static void
suggestion_clicked_cb (NichiroWindow *self)
{
  g_autofree char *suggestion = g_strdup (self->suggestion);

  if (suggestion != NULL)
    nichiro_session_set_query (self->session, suggestion);
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
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
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
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
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
    contents = nichiro_study_export_json (self->store, dataset);
  else
    contents = nichiro_study_export_markdown (self->store, dataset);

  if (!g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    message = g_strdup_printf (_("Could not export to “%s”: %s"), basename, error->message);
  else
    message = g_strdup_printf (_("Notes exported to “%s”"), basename);

  show_toast (self, message);
}

static void
import_from_file (NichiroWindow *self,
                  GFile         *file)
{
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  NichiroStudyMergeCounts counts = { 0, };

  if (!nichiro_study_import_file (self->store, file, &counts, &error))
    message = g_strdup_printf (_("Could not import: %s"), error->message);
  else
    message = nichiro_study_merge_counts_to_string (&counts);

  show_toast (self, message);
  update_progress (self);
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

  if (self->store != NULL)
    choose_file (self, TRUE);
}

static void
import_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  if (self->store != NULL)
    choose_file (self, FALSE);
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     NichiroWindow    *self)
{
  if (g_str_equal (response, "quit"))
    {
      g_clear_object (&self->store);
      gtk_window_destroy (GTK_WINDOW (self));
    }
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

/* Notes are saved as they are typed; closing saves what is left, and says
 * so when the disk refuses rather than losing them quietly. */
static gboolean
close_request_cb (NichiroWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  save_state (self);

  if (self->store == NULL || nichiro_study_store_get_read_only (self->store) ||
      nichiro_study_store_flush (self->store, &error) ||
      !nichiro_study_store_has_unsaved_changes (self->store))
    return FALSE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Notes Not Saved"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Your latest notes could not be written to %s: %s. "
                                    "If you quit now, they are lost."),
                                  nichiro_study_store_get_path (self->store),
                                  error ? error->message : _("unknown error"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Open"),
                                    "quit", _("_Quit Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "quit", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  nichiro_timeline_set_show_list (self->timeline, !nichiro_timeline_get_show_list (self->timeline));
}

static void
nichiro_window_constructed (GObject *object)
{
  NichiroWindow *self = (NichiroWindow *)object;
  g_autoptr(GtkListItemFactory) factory = NULL;
  NichiroDataset *dataset;

  G_OBJECT_CLASS (nichiro_window_parent_class)->constructed (object);

  g_assert (NICHIRO_IS_SESSION (self->session));

  dataset = nichiro_session_get_dataset (self->session);
  gtk_single_selection_set_model (self->entries_selection, nichiro_dataset_get_entries (dataset));

  /* The language first, so that the views name entries once. */
  self->settings = nichiro_lookup_settings ();
  if (self->settings != NULL)
    g_settings_bind (self->settings, "title-language", self, "title-language", G_SETTINGS_BIND_DEFAULT);
  nichiro_session_set_title_language (self->session, nichiro_language_from_setting (self->title_language));

  nichiro_detail_view_set_session (self->detail_view, self->session);
  nichiro_timeline_set_session (self->timeline, self->session);
  nichiro_guide_set_session (self->guide, self->session);
  nichiro_review_set_session (self->review, self->session);

  if (self->store != NULL)
    {
      const char *last_entry = nichiro_study_store_get_last_entry (self->store, dataset_id (self));
      const char *recovery = nichiro_study_store_get_recovery_message (self->store);

      nichiro_detail_view_set_store (self->detail_view, self->store);
      nichiro_guide_set_store (self->guide, self->store);
      nichiro_review_set_store (self->review, self->store);
      g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "save-failed", G_CALLBACK (save_failed_cb), self, G_CONNECT_SWAPPED);
      update_progress (self);

      /* Continue where the reader left off. */
      if (nichiro_session_get_selected (self->session) == NULL && last_entry != NULL)
        nichiro_session_select_id (self->session, last_entry);

      if (recovery != NULL)
        show_toast (self, recovery);
    }

  g_signal_connect_object (self->session, "notify::selected",
                           G_CALLBACK (session_selected_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::query",
                           G_CALLBACK (session_query_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::can-go-back",
                           G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::can-go-forward",
                           G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->session, "notify::title-language",
                           G_CALLBACK (session_title_language_changed_cb), self, G_CONNECT_SWAPPED);

  factory = nichiro_entry_row_create_factory (self->session);
  gtk_list_view_set_factory (self->entry_list, factory);

  gtk_window_set_title (GTK_WINDOW (self), nichiro_dataset_get_title (dataset));
  restore_state (self);
  update_history_actions (self);
  session_query_changed_cb (self);
}

static void
nichiro_window_dispose (GObject *object)
{
  NichiroWindow *self = (NichiroWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_WINDOW);

  g_clear_object (&self->entries_selection);
  g_clear_object (&self->results_selection);
  g_clear_object (&self->results);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->suggestion, g_free);

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

    case PROP_STORE:
      g_value_set_object (value, self->store);
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

    case PROP_STORE:
      self->store = g_value_dup_object (value);
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

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         NICHIRO_TYPE_STUDY_STORE,
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
  g_type_ensure (NICHIRO_TYPE_REVIEW);
  g_type_ensure (NICHIRO_TYPE_TIMELINE);
  g_type_ensure (NICHIRO_TYPE_RESULT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, entry_list);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, suggestion_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, detail_view);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, guide);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, review);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, timeline);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_started_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, results_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, suggestion_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, flap_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, part_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.search-for", "s", search_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.forward", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.copy-citation", NULL, copy_citation_action);
  gtk_widget_class_install_action (widget_class, "win.export-notes", NULL, export_notes_action);
  gtk_widget_class_install_action (widget_class, "win.import-notes", NULL, import_notes_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-timeline-list", NULL, show_list_action);
  gtk_widget_class_install_property_action (widget_class, "win.title-language", "title-language");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-citation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-notes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.toggle-timeline-list", NULL);
}

static void
nichiro_window_init (NichiroWindow *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  /* Before the template: its menu asks the title-language action's state. */
  self->title_language = g_strdup ("follow");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = nichiro_results_model_new ();
  self->entries_selection = gtk_single_selection_new (NULL);
  self->results_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)));

  for (guint i = 0; i < 2; i++)
    {
      GtkSingleSelection *selection = i == 0 ? self->entries_selection : self->results_selection;

      gtk_single_selection_set_autoselect (selection, FALSE);
      gtk_single_selection_set_can_unselect (selection, TRUE);
      g_signal_connect_object (selection, "notify::selected-item",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_list_view_set_model (self->entry_list, GTK_SELECTION_MODEL (self->entries_selection));
  gtk_list_view_set_model (self->results_list, GTK_SELECTION_MODEL (self->results_selection));

  /* Typing anywhere in the window starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

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
 * @session: the state the window's views share
 * @store: (nullable): where the reader's marks and notes are kept; without
 *   one the study tools are hidden
 *
 * Returns: (transfer full): a new window
 */
NichiroWindow *
nichiro_window_new (GtkApplication    *application,
                    NichiroSession    *session,
                    NichiroStudyStore *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (NICHIRO_IS_SESSION (session), NULL);
  g_return_val_if_fail (store == NULL || NICHIRO_IS_STUDY_STORE (store), NULL);

  return g_object_new (NICHIRO_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       "store", store,
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
