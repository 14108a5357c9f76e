/* nichiro-results-view.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-results-view"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "nichiro-result-row.h"
#include "nichiro-results-view.h"
#include "nichiro-ui-utils.h"

/* The sidebar while searching: the session's results, best first; or,
 * when nothing matched, a page that says so and offers a spelling the
 * dataset knows. What the query parser ignored is said above either. It shows the
 * one results model the session computes and never searches itself. */

struct _NichiroResultsView
{
  GtkWidget parent_instance;

  NichiroSession *session;
  GSignalGroup *session_signals;
  GtkSingleSelection *selection;
  char *suggestion;

  /* Template widgets */
  GtkWidget *content;
  GtkStack *stack;
  GtkLabel *warnings_label;
  GtkListView *list_view;
  AdwStatusPage *no_results_page;
  GtkButton *suggestion_button;
};

G_DEFINE_FINAL_TYPE (NichiroResultsView, nichiro_results_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_no_results (NichiroResultsView *self,
                 const char         *query)
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
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
results_changed_cb (NichiroResultsView *self)
{
  const NichiroSearchResults *results = nichiro_results_model_get_results (nichiro_session_get_results (self->session));
  g_autofree char *warnings = NULL;

  g_clear_pointer (&self->suggestion, g_free);
  if (results == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->warnings_label), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "results");
      return;
    }

  warnings = g_strjoinv ("\n", results->warnings);
  self->suggestion = g_strdup (results->suggestion);
  gtk_label_set_text (self->warnings_label, warnings);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_label), warnings[0] != '\0');

  if (results->items->len == 0)
    show_no_results (self, nichiro_session_get_query (self->session));
  else
    gtk_stack_set_visible_child_name (self->stack, "results");

  nichiro_selection_show_entry (self->selection, nichiro_session_get_selected (self->session));
}

static void
selected_changed_cb (NichiroResultsView *self)
{
  nichiro_selection_show_entry (self->selection, nichiro_session_get_selected (self->session));
}

static void
selection_changed_cb (NichiroResultsView *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  /* Emptying the list (a new search) must not clear what is being read. */
  if (item != NULL && self->session != NULL)
    nichiro_session_set_selected (self->session, nichiro_list_item_get_entry (item));
}

static void
activate_position (NichiroResultsView *self,
                   guint               position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item == NULL || self->session == NULL)
    return;

  nichiro_session_set_selected (self->session, nichiro_list_item_get_entry (item));
  g_signal_emit (self, signals[ACTIVATED], 0);
}

static void
list_activate_cb (NichiroResultsView *self,
                  guint               position)
{
  activate_position (self, position);
}

static void
suggestion_clicked_cb (NichiroResultsView *self)
{
  g_autofree char *suggestion = g_strdup (self->suggestion);

  if (suggestion != NULL && self->session != NULL)
    nichiro_session_set_query (self->session, suggestion);
}

static void
nichiro_results_view_dispose (GObject *object)
{
  NichiroResultsView *self = (NichiroResultsView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_RESULTS_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->suggestion, g_free);

  G_OBJECT_CLASS (nichiro_results_view_parent_class)->dispose (object);
}

static void
nichiro_results_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  NichiroResultsView *self = NICHIRO_RESULTS_VIEW (object);

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
nichiro_results_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  NichiroResultsView *self = NICHIRO_RESULTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nichiro_results_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_results_view_class_init (NichiroResultsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_results_view_dispose;
  object_class->get_property = nichiro_results_view_get_property;
  object_class->set_property = nichiro_results_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NichiroResultsView::activated:
   * @self: the view
   *
   * The reader opened a result (Enter or a double click): a narrow window
   * can put the sidebar away.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (NICHIRO_TYPE_RESULT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroResultsView, content);
  gtk_widget_class_bind_template_child (widget_class, NichiroResultsView, stack);
  gtk_widget_class_bind_template_child (widget_class, NichiroResultsView, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroResultsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, NichiroResultsView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, NichiroResultsView, suggestion_button);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, suggestion_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nichiro-results-view");
}

static void
nichiro_results_view_init (NichiroResultsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (NICHIRO_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "results-changed",
                                 G_CALLBACK (results_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::selected",
                                 G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

GtkWidget *
nichiro_results_view_new (void)
{
  return g_object_new (NICHIRO_TYPE_RESULTS_VIEW, NULL);
}

/**
 * nichiro_results_view_get_session:
 * @self: a results view
 *
 * Returns: (transfer none) (nullable): the session whose results are shown
 */
NichiroSession *
nichiro_results_view_get_session (NichiroResultsView *self)
{
  g_return_val_if_fail (NICHIRO_IS_RESULTS_VIEW (self), NULL);

  return self->session;
}

void
nichiro_results_view_set_session (NichiroResultsView *self,
                                  NichiroSession     *session)
{
  g_return_if_fail (NICHIRO_IS_RESULTS_VIEW (self));

  if (nichiro_session_follow (G_OBJECT (self), properties[PROP_SESSION], &self->session, self->session_signals, session))
    {
      gtk_single_selection_set_model (self->selection, session ? G_LIST_MODEL (nichiro_session_get_results (session)) : NULL);
      if (session != NULL)
        results_changed_cb (self);
    }
}

/**
 * nichiro_results_view_activate_first:
 * @self: a results view
 *
 * Opens the best result (Enter in the search entry).
 *
 * Returns: %TRUE if there was a result to open
 */
gboolean
nichiro_results_view_activate_first (NichiroResultsView *self)
{
  g_return_val_if_fail (NICHIRO_IS_RESULTS_VIEW (self), FALSE);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return FALSE;

  activate_position (self, 0);
  return TRUE;
}

/**
 * nichiro_results_view_focus_list:
 * @self: a results view
 *
 * Moves the focus into the results (Down in the search entry), onto the
 * selected one or the best.
 *
 * Returns: %TRUE if there were results to move into
 */
gboolean
nichiro_results_view_focus_list (NichiroResultsView *self)
{
  g_return_val_if_fail (NICHIRO_IS_RESULTS_VIEW (self), FALSE);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return FALSE;

  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}
