/* nichiro-window.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-detail-view.h"
#include "nichiro-entry-row.h"
#include "nichiro-window.h"

struct _NichiroWindow
{
  AdwApplicationWindow parent_instance;

  NichiroSession *session;
  GtkSingleSelection *selection;
  GListStore *results;

  /* Template widgets */
  AdwFlap *flap;
  GtkSearchEntry *search_entry;
  GtkStack *sidebar_stack;
  GtkListView *entry_list;
  AdwStatusPage *no_results_page;
  GtkLabel *count_label;
  NichiroDetailView *detail_view;
};

G_DEFINE_FINAL_TYPE (NichiroWindow, nichiro_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_searching (NichiroWindow *self)
{
  return nichiro_session_get_query (self->session)[0] != '\0';
}

/* Shows the session's selection in the list, if the list has it. */
static void
sync_list_selection (NichiroWindow *self)
{
  NichiroEntry *selected = nichiro_session_get_selected (self->session);
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n_items = g_list_model_get_n_items (model);

  if (gtk_single_selection_get_selected_item (self->selection) == (gpointer) selected)
    return;

  for (guint i = 0; selected != NULL && i < n_items; i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (model, i);

      if (entry == selected)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
update_count (NichiroWindow *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n_items = g_list_model_get_n_items (model);
  g_autofree char *text = NULL;

  if (is_searching (self))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", n_items), n_items);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n_items), n_items);

  gtk_label_set_text (self->count_label, text);
}

static void
run_query (NichiroWindow *self)
{
  const char *query = nichiro_session_get_query (self->session);
  NichiroDataset *dataset = nichiro_session_get_dataset (self->session);

  if (query[0] == '\0')
    {
      gtk_single_selection_set_model (self->selection, nichiro_dataset_get_entries (dataset));
      gtk_stack_set_visible_child_name (self->sidebar_stack, "list");
    }
  else
    {
      g_autoptr(GArray) results = nichiro_search_run (nichiro_session_get_search (self->session), query);
      g_autoptr(GPtrArray) entries = g_ptr_array_sized_new (results->len);

      for (guint i = 0; i < results->len; i++)
        g_ptr_array_add (entries, g_array_index (results, NichiroSearchResult, i).entry);
      g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                           entries->pdata, entries->len);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->results));

      if (results->len == 0)
        {
          g_autofree char *description = NULL;

          description = g_markup_printf_escaped (_("Nothing matches “%s”. Try fewer words or another spelling."),
                                                 query);
          adw_status_page_set_description (self->no_results_page, description);
          gtk_stack_set_visible_child_name (self->sidebar_stack, "empty");
        }
      else
        {
          gtk_stack_set_visible_child_name (self->sidebar_stack, "list");
        }
    }

  sync_list_selection (self);
  update_count (self);
}

static void
session_selected_changed_cb (NichiroWindow *self)
{
  sync_list_selection (self);
}

static void
session_query_changed_cb (NichiroWindow *self)
{
  const char *query = nichiro_session_get_query (self->session);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), query) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);

  run_query (self);
}

static void
selection_changed_cb (NichiroWindow *self)
{
  NichiroEntry *entry = gtk_single_selection_get_selected_item (self->selection);

  /* Clearing the list (a new search) must not clear what is being read. */
  if (entry != NULL)
    nichiro_session_set_selected (self->session, entry);
}

static void
search_changed_cb (NichiroWindow  *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  nichiro_session_set_query (self->session, query);
}

static void
stop_search_cb (NichiroWindow  *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->entry_list));
}

static void
search_activate_cb (NichiroWindow  *self,
                    GtkSearchEntry *entry)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  g_autoptr(NichiroEntry) first = NULL;

  if (g_list_model_get_n_items (model) == 0)
    return;

  first = g_list_model_get_item (model, 0);
  nichiro_session_set_selected (self->session, first);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static gboolean
search_key_pressed_cb (NichiroWindow         *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      if (g_list_model_get_n_items (gtk_single_selection_get_model (self->selection)) == 0)
        return FALSE;
      if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
        gtk_single_selection_set_selected (self->selection, 0);
      gtk_widget_grab_focus (GTK_WIDGET (self->entry_list));
      return TRUE;
    }

  return FALSE;
}

static void
entry_list_activate_cb (NichiroWindow *self,
                        guint          position)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  g_autoptr(NichiroEntry) entry = g_list_model_get_item (model, position);

  if (entry != NULL)
    nichiro_session_set_selected (self->session, entry);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* A narrow window with nothing to read yet shows the list, not an empty page. */
static void
flap_folded_cb (NichiroWindow *self)
{
  if (adw_flap_get_folded (self->flap) && nichiro_session_get_selected (self->session) == NULL)
    adw_flap_set_reveal_flap (self->flap, TRUE);
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
nichiro_window_constructed (GObject *object)
{
  NichiroWindow *self = (NichiroWindow *)object;
  NichiroDataset *dataset;

  G_OBJECT_CLASS (nichiro_window_parent_class)->constructed (object);

  g_assert (NICHIRO_IS_SESSION (self->session));

  dataset = nichiro_session_get_dataset (self->session);
  gtk_single_selection_set_model (self->selection, nichiro_dataset_get_entries (dataset));
  nichiro_detail_view_set_session (self->detail_view, self->session);

  g_signal_connect_object (self->session, "notify::selected",
                           G_CALLBACK (session_selected_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::query",
                           G_CALLBACK (session_query_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_window_set_title (GTK_WINDOW (self), nichiro_dataset_get_title (dataset));
  run_query (self);
}

static void
nichiro_window_dispose (GObject *object)
{
  NichiroWindow *self = (NichiroWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (nichiro_window_parent_class)->dispose (object);
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
  object_class->get_property = nichiro_window_get_property;
  object_class->set_property = nichiro_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NICHIRO_TYPE_DETAIL_VIEW);
  g_type_ensure (NICHIRO_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, entry_list);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroWindow, detail_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, flap_folded_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
}

static void
nichiro_window_init (NichiroWindow *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_list_store_new (NICHIRO_TYPE_ENTRY);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->entry_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  /* Typing anywhere in the window starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (search_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);
}

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
