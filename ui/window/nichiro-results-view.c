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

#include "nichiro-list-row.h"
#include "nichiro-result-row.h"
#include "nichiro-results-view.h"
#include "nichiro-ui-utils.h"

/* The sidebar while searching: the session's results, best first; or,
 * when nothing matched, a page that says so and offers a spelling the
 * dataset knows. What the query parser ignored is said above either. It
 * shows the one results model the session computes and never searches
 * itself.
 *
 * The row shown selected is the one Enter in the search entry opens: a new
 * search highlights its best result without opening it, and an entry
 * opened from anywhere is highlighted when it is among the results. Down
 * in the search entry moves on from the highlighted row into the list,
 * where moving the selection opens what it selects. */

struct _NichiroResultsView
{
  GtkWidget parent_instance;

  NichiroSession *session;
  GSignalGroup *session_signals;
  GtkSingleSelection *selection;
  char *suggestion;

  /* Set while the highlight moves without opening what it moves to. */
  guint highlighting;

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
highlight (NichiroResultsView *self,
           guint               position)
{
  self->highlighting++;
  gtk_single_selection_set_selected (self->selection, position);
  self->highlighting--;
}

static guint
find_entry (NichiroResultsView *self,
            NichiroEntry       *entry)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; entry != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (nichiro_list_item_get_entry (item) == entry)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
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

  /* A new search highlights its best result, which Enter opens. */
  highlight (self, results->items->len > 0 ? 0 : GTK_INVALID_LIST_POSITION);
}

/* An entry opened elsewhere is highlighted where the results have it;
 * otherwise the highlight stays where it is. */
static void
selected_changed_cb (NichiroResultsView *self)
{
  guint position = find_entry (self, nichiro_session_get_selected (self->session));

  if (position != GTK_INVALID_LIST_POSITION)
    highlight (self, position);
}

static void
selection_changed_cb (NichiroResultsView *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  /* Emptying the list (a new search) must not clear what is being read. */
  if (self->highlighting == 0 && item != NULL && self->session != NULL)
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

static gpointer
result_row_item (GtkWidget *content)
{
  return NICHIRO_IS_RESULT_ROW (content) ? nichiro_result_row_get_hit (NICHIRO_RESULT_ROW (content)) : NULL;
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
  nichiro_list_view_use_one_tab_stop (self->list_view, result_row_item);
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
      g_autoptr(GtkListItemFactory) factory = session ? nichiro_result_row_create_factory (session) : NULL;

      gtk_list_view_set_factory (self->list_view, factory);
      gtk_single_selection_set_model (self->selection, session ? G_LIST_MODEL (nichiro_session_get_results (session)) : NULL);
      if (session != NULL)
        results_changed_cb (self);
    }
}

/**
 * nichiro_results_view_get_highlighted:
 * @self: a results view
 *
 * Returns: the position of the row shown selected, which Enter in the
 *   search entry opens, or %GTK_INVALID_LIST_POSITION when there is none
 */
guint
nichiro_results_view_get_highlighted (NichiroResultsView *self)
{
  g_return_val_if_fail (NICHIRO_IS_RESULTS_VIEW (self), GTK_INVALID_LIST_POSITION);

  return gtk_single_selection_get_selected (self->selection);
}

/**
 * nichiro_results_view_activate_highlighted:
 * @self: a results view
 *
 * Opens the highlighted result (Enter in the search entry).
 *
 * Returns: %TRUE if there was a result to open
 */
gboolean
nichiro_results_view_activate_highlighted (NichiroResultsView *self)
{
  guint position;

  g_return_val_if_fail (NICHIRO_IS_RESULTS_VIEW (self), FALSE);

  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  activate_position (self, position);
  return TRUE;
}

/* Puts the focus on the row at @position. */
static gboolean
focus_row (NichiroResultsView *self,
           guint               position)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_list_view_scroll_to (self->list_view, position, GTK_LIST_SCROLL_FOCUS, NULL);
  return TRUE;
#else
  g_autoptr(GObject) hit = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  /* GTK 4.8 focuses a list's rows only from within: find the row's widget. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *content = gtk_widget_get_first_child (row);

      if (NICHIRO_IS_RESULT_ROW (content) && nichiro_result_row_get_hit (NICHIRO_RESULT_ROW (content)) == (gpointer) hit)
        return gtk_widget_grab_focus (row);
    }

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
#endif
}

/**
 * nichiro_results_view_focus_list:
 * @self: a results view
 *
 * Moves on from the highlighted result into the list (Down in the search
 * entry): the row after it is selected, opened and focused, or the
 * highlighted one when it is the last.
 *
 * Returns: %TRUE if there were results to move into
 */
gboolean
nichiro_results_view_focus_list (NichiroResultsView *self)
{
  guint n_items, position;
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (NICHIRO_IS_RESULTS_VIEW (self), FALSE);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (n_items == 0)
    return FALSE;

  position = gtk_single_selection_get_selected (self->selection);
  position = position == GTK_INVALID_LIST_POSITION ? 0 : MIN (position + 1, n_items - 1);
  gtk_single_selection_set_selected (self->selection, position);

  /* The last row stays selected without opening: open it. */
  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  nichiro_session_set_selected (self->session, nichiro_list_item_get_entry (item));

  return focus_row (self, position);
}
