/* nichiro-timeline.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-timeline-private.h"

#include "nichiro-entry-row.h"

/* The timeline: the period as a horizontal axis, the dataset's eras as
 * bands behind, entries in lanes, and a date cursor that lists what was in
 * force that day.
 *
 * NichiroTimeline is the composite (nichiro-timeline.ui): a stack with the
 * drawn canvas (nichiro-timeline-canvas.c) under a few buttons in its
 * corner (the legend, the grouping and filters, the timeline alone) and
 * above the in-force bar (nichiro-timeline-in-force.c); and, one key away
 * (Ctrl+L), a list of the same entries in date order for screen readers
 * and for anyone who prefers a list. Both observe the NichiroSession
 * (visible range, selection, query, cursor) and write to it; neither
 * reaches into any other view, and these files use only the canvas's
 * public API. The legend and the options are made when first opened. */

G_DEFINE_FINAL_TYPE (NichiroTimeline, nichiro_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SHOW_LIST,
  PROP_GROUP_BY,
  PROP_HIDDEN_KINDS,
  PROP_HIDDEN_THREADS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TIMELINE_ENTRY_ACTIVATED,
  N_TIMELINE_SIGNALS
};

static guint timeline_signals[N_TIMELINE_SIGNALS];

/* NichiroTimeline: helpers */

/* The list lives in date order, the canvas model's, and is filled the
 * first time it is shown. */
static void
fill_list (NichiroTimeline *self)
{
  NichiroTimelineModel *model = nichiro_timeline_canvas_get_model (self->canvas);
  g_autoptr(GPtrArray) entries = NULL;
  guint n_items;

  if (model == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->list_store)) > 0)
    return;

  n_items = nichiro_timeline_model_get_n_items (model);
  entries = g_ptr_array_sized_new (n_items);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (entries, nichiro_timeline_model_get_item (model, i)->entry);

  g_list_store_splice (self->list_store, 0, 0, entries->pdata, entries->len);
}

/* The list scrolls to the selection once it has been laid out: a list
 * just shown has no rows to scroll by yet. */
static gboolean
scroll_list_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  NichiroTimeline *self = NICHIRO_TIMELINE (user_data);
  guint index = gtk_single_selection_get_selected (self->list_selection);

  if (index != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (widget, "list.scroll-to-item", "u", index);

  return G_SOURCE_REMOVE;
}

static void
scroll_list_later (NichiroTimeline *self)
{
  gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), scroll_list_cb, self, NULL);
}

static void
sync_list_selection (NichiroTimeline *self)
{
  NichiroEntry *selected = self->session ? nichiro_session_get_selected (self->session) : NULL;
  guint index;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->list_store)) == 0)
    return;

  if (selected != NULL &&
      nichiro_timeline_model_find (nichiro_timeline_canvas_get_model (self->canvas), selected, &index))
    {
      if (gtk_single_selection_get_selected (self->list_selection) != index)
        gtk_single_selection_set_selected (self->list_selection, index);
      if (self->show_list)
        scroll_list_later (self);
    }
  else
    {
      gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
    }
}

/* NichiroTimeline: callbacks */

static void
entry_activated_cb (NichiroTimeline *self,
                    NichiroEntry    *entry)
{
  g_signal_emit (self, timeline_signals[TIMELINE_ENTRY_ACTIVATED], 0, entry);
}

static void
list_activate_cb (NichiroTimeline *self,
                  guint            position)
{
  g_autoptr(NichiroEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->list_store), position);

  if (entry == NULL || self->session == NULL)
    return;

  nichiro_session_set_selected (self->session, entry);
  g_signal_emit (self, timeline_signals[TIMELINE_ENTRY_ACTIVATED], 0, entry);
}

static void
list_selected_cb (NichiroTimeline *self)
{
  NichiroEntry *entry = gtk_single_selection_get_selected_item (self->list_selection);

  if (entry != NULL && self->session != NULL)
    nichiro_session_set_selected (self->session, entry);
}

static void
session_selected_cb (NichiroTimeline *self)
{
  sync_list_selection (self);
}

static void
session_cursor_cb (NichiroTimeline *self)
{
  _nichiro_timeline_update_in_force (self);
}

static void
create_legend_cb (GtkMenuButton *button,
                  gpointer       user_data)
{
  NichiroTimeline *self = NICHIRO_TIMELINE (user_data);
  GtkWidget *popover, *scroller, *legend;

  legend = nichiro_timeline_canvas_create_legend (self->canvas);
  gtk_widget_set_margin_start (legend, 6);
  gtk_widget_set_margin_end (legend, 6);
  gtk_widget_set_margin_top (legend, 6);
  gtk_widget_set_margin_bottom (legend, 6);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 480);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), legend);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"),
                                  -1);
  gtk_menu_button_set_popover (button, popover);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  nichiro_timeline_zoom_in (NICHIRO_TIMELINE (widget));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  nichiro_timeline_zoom_out (NICHIRO_TIMELINE (widget));
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  nichiro_timeline_zoom_fit (NICHIRO_TIMELINE (widget));
}

static void
clear_cursor_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NichiroTimeline *self = NICHIRO_TIMELINE (widget);

  if (self->session != NULL)
    nichiro_session_set_cursor (self->session, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* NichiroTimeline: vfuncs */

static void
go_to_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  NichiroTimeline *self = NICHIRO_TIMELINE (widget);

  if (self->show_list)
    nichiro_timeline_set_show_list (self, FALSE);
  nichiro_timeline_canvas_go_to (self->canvas);
}

/* The eras' names keep clear of the buttons over the canvas. */
static void
nichiro_timeline_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  NichiroTimeline *self = NICHIRO_TIMELINE (widget);
  int width, height;

  GTK_WIDGET_CLASS (nichiro_timeline_parent_class)->css_changed (widget, change);

  gtk_widget_measure (self->tools, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (self->tools, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  nichiro_timeline_canvas_reserve_corner (self->canvas,
                                          width + gtk_widget_get_margin_end (self->tools) + 4,
                                          height + gtk_widget_get_margin_top (self->tools) + 2);
}

static void
nichiro_timeline_dispose (GObject *object)
{
  NichiroTimeline *self = NICHIRO_TIMELINE (object);

  nichiro_timeline_set_session (self, NULL);
  g_clear_object (&self->session_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_TIMELINE);
  g_clear_object (&self->list_selection);
  g_clear_object (&self->list_store);
  g_clear_pointer (&self->option_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (nichiro_timeline_parent_class)->dispose (object);
}

static void
nichiro_timeline_finalize (GObject *object)
{
  NichiroTimeline *self = NICHIRO_TIMELINE (object);

  g_clear_pointer (&self->group_by, g_free);
  g_clear_pointer (&self->hidden_kinds, g_strfreev);
  g_clear_pointer (&self->hidden_threads, g_strfreev);

  G_OBJECT_CLASS (nichiro_timeline_parent_class)->finalize (object);
}

static void
nichiro_timeline_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NichiroTimeline *self = NICHIRO_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SHOW_LIST:
      g_value_set_boolean (value, self->show_list);
      break;

    case PROP_GROUP_BY:
      g_value_set_string (value, self->group_by);
      break;

    case PROP_HIDDEN_KINDS:
      g_value_set_boxed (value, self->hidden_kinds);
      break;

    case PROP_HIDDEN_THREADS:
      g_value_set_boxed (value, self->hidden_threads);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_timeline_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NichiroTimeline *self = NICHIRO_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nichiro_timeline_set_session (self, g_value_get_object (value));
      break;

    case PROP_SHOW_LIST:
      nichiro_timeline_set_show_list (self, g_value_get_boolean (value));
      break;

    case PROP_GROUP_BY:
      nichiro_timeline_set_group_by (self, g_value_get_string (value));
      break;

    case PROP_HIDDEN_KINDS:
      nichiro_timeline_set_hidden_kinds (self, g_value_get_boxed (value));
      break;

    case PROP_HIDDEN_THREADS:
      nichiro_timeline_set_hidden_threads (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_timeline_class_init (NichiroTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_timeline_dispose;
  object_class->finalize = nichiro_timeline_finalize;
  widget_class->css_changed = nichiro_timeline_css_changed;
  object_class->get_property = nichiro_timeline_get_property;
  object_class->set_property = nichiro_timeline_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroTimeline:show-list:
   *
   * Whether the entries are shown as a list in date order instead of
   * drawn on the axis; Ctrl+L and the `timeline.show-list` action toggle it.
   */
  properties[PROP_SHOW_LIST] =
    g_param_spec_boolean ("show-list", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroTimeline:group-by:
   *
   * How the lanes are grouped: "none", "kind" (instruments, wars and
   * battles, events) or "thread". The window binds it to the
   * timeline-group-by setting.
   */
  properties[PROP_GROUP_BY] =
    g_param_spec_string ("group-by", NULL, NULL, "none",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroTimeline:hidden-kinds:
   *
   * The kinds not shown: "instruments", "conflicts", "events".
   */
  properties[PROP_HIDDEN_KINDS] =
    g_param_spec_boxed ("hidden-kinds", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroTimeline:hidden-threads:
   *
   * The threads whose entries are not shown (an entry of another thread
   * still is), by id; "" for the entries of no thread.
   */
  properties[PROP_HIDDEN_THREADS] =
    g_param_spec_boxed ("hidden-threads", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NichiroTimeline::entry-activated:
   * @entry: the entry
   *
   * Enter was pressed on the selected entry, or a row of the list was
   * activated; the window may move the focus to the details.
   */
  timeline_signals[TIMELINE_ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, NICHIRO_TYPE_ENTRY);

  g_type_ensure (NICHIRO_TYPE_TIMELINE_CANVAS);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroTimeline, stack);
  gtk_widget_class_bind_template_child (widget_class, NichiroTimeline, canvas);
  gtk_widget_class_bind_template_child (widget_class, NichiroTimeline, tools);
  gtk_widget_class_bind_template_child (widget_class, NichiroTimeline, legend_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroTimeline, options_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroTimeline, in_force_revealer);
  gtk_widget_class_bind_template_child (widget_class, NichiroTimeline, in_force_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroTimeline, in_force_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroTimeline, list_view);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_property_action (widget_class, "timeline.show-list", "show-list");
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "timeline.clear-cursor", NULL, clear_cursor_action);
  gtk_widget_class_install_action (widget_class, "timeline.go-to", NULL, go_to_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "timeline.show-list", NULL);

  gtk_widget_class_set_css_name (widget_class, "nichiro-timeline");
}

static void
nichiro_timeline_init (NichiroTimeline *self)
{
  self->group_by = g_strdup ("none");
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->legend_button, create_legend_cb, self, NULL);
  _nichiro_timeline_init_options (self);
  _nichiro_timeline_init_in_force (self);

  self->list_store = g_list_store_new (NICHIRO_TYPE_ENTRY);
  self->list_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->list_store)));
  gtk_single_selection_set_autoselect (self->list_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->list_selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->list_selection));
  g_signal_connect_object (self->list_selection, "notify::selected",
                           G_CALLBACK (list_selected_cb), self, G_CONNECT_SWAPPED);
}

/* NichiroTimeline: public API */

/**
 * nichiro_timeline_new:
 *
 * Returns: (transfer floating): a timeline with no session yet
 */
GtkWidget *
nichiro_timeline_new (void)
{
  return g_object_new (NICHIRO_TYPE_TIMELINE, NULL);
}

/**
 * nichiro_timeline_get_session:
 * @self: a timeline
 *
 * Returns: (transfer none) (nullable): the session it shows
 */
NichiroSession *
nichiro_timeline_get_session (NichiroTimeline *self)
{
  g_return_val_if_fail (NICHIRO_IS_TIMELINE (self), NULL);

  return self->session;
}

/**
 * nichiro_timeline_set_session:
 * @self: a timeline
 * @session: (nullable): the session to show and write to
 *
 * The timeline shows @session's dataset, selection, search matches,
 * visible range (#NichiroSession:visible-start, #NichiroSession:visible-end)
 * and date cursor (#NichiroSession:cursor), and writes to them as the
 * reader clicks, drags, zooms and types. When the session has no visible
 * range yet, the timeline shows everything and stores that.
 */
void
nichiro_timeline_set_session (NichiroTimeline *self,
                              NichiroSession  *session)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE (self));
  g_return_if_fail (session == NULL || NICHIRO_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session_signals == NULL)
    {
      self->session_signals = g_signal_group_new (NICHIRO_TYPE_SESSION);
      g_signal_group_connect_object (self->session_signals, "notify::selected",
                                     G_CALLBACK (session_selected_cb), self, G_CONNECT_SWAPPED);
      g_signal_group_connect_object (self->session_signals, "notify::cursor",
                                     G_CALLBACK (session_cursor_cb), self, G_CONNECT_SWAPPED);
      g_signal_group_connect_object (self->session_signals, "notify::title-language",
                                     G_CALLBACK (_nichiro_timeline_update_in_force), self, G_CONNECT_SWAPPED);
    }

  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);

  if (self->canvas != NULL)
    {
      nichiro_timeline_canvas_set_session (self->canvas, session);
      _nichiro_timeline_apply_options (self);
    }
  if (self->list_store != NULL)
    g_list_store_remove_all (self->list_store);

  /* The options list the session's threads: made again when next opened. */
  if (self->options_button != NULL)
    {
      if (self->option_buttons != NULL)
        g_ptr_array_set_size (self->option_buttons, 0);
      gtk_menu_button_set_popover (self->options_button, NULL);
    }
  if (self->list_view != NULL)
    {
      g_autoptr(GtkListItemFactory) factory = session ? nichiro_entry_row_create_factory (session) : NULL;

      gtk_list_view_set_factory (self->list_view, factory);
    }

  if (session != NULL)
    {
      if (self->show_list)
        {
          fill_list (self);
          sync_list_selection (self);
        }
    }

  if (self->in_force_revealer != NULL)
    _nichiro_timeline_update_in_force (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
nichiro_timeline_get_show_list (NichiroTimeline *self)
{
  g_return_val_if_fail (NICHIRO_IS_TIMELINE (self), FALSE);

  return self->show_list;
}

/**
 * nichiro_timeline_set_show_list:
 * @self: a timeline
 * @show_list: whether to show the entries as a list
 *
 * Shows the same entries as a list in date order, with the same selection,
 * or the drawn timeline again. The focus follows when it was inside.
 */
void
nichiro_timeline_set_show_list (NichiroTimeline *self,
                                gboolean         show_list)
{
  GtkRoot *root;
  GtkWidget *focus;
  gboolean had_focus;

  g_return_if_fail (NICHIRO_IS_TIMELINE (self));

  show_list = !!show_list;
  if (self->show_list == show_list)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  had_focus = focus != NULL && (focus == GTK_WIDGET (self) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)));
  self->show_list = show_list;

  if (show_list)
    {
      fill_list (self);
      sync_list_selection (self);
    }

  gtk_stack_set_visible_child_name (self->stack, show_list ? "list" : "canvas");
  if (had_focus)
    gtk_widget_grab_focus (show_list ? GTK_WIDGET (self->list_view) : GTK_WIDGET (self->canvas));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LIST]);
}

/**
 * nichiro_timeline_zoom_in:
 * @self: a timeline
 *
 * Zooms in around the selection when it is in view, else the middle.
 */
void
nichiro_timeline_zoom_in (NichiroTimeline *self)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE (self));

  nichiro_timeline_canvas_zoom_in (self->canvas);
}

void
nichiro_timeline_zoom_out (NichiroTimeline *self)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE (self));

  nichiro_timeline_canvas_zoom_out (self->canvas);
}

/**
 * nichiro_timeline_zoom_fit:
 * @self: a timeline
 *
 * Returns to the first view: the dataset's period, its labels whole.
 */
void
nichiro_timeline_zoom_fit (NichiroTimeline *self)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE (self));

  nichiro_timeline_canvas_zoom_fit (self->canvas);
}

/**
 * nichiro_timeline_zoom_to:
 * @self: a timeline
 * @start: a Julian day
 * @end: a later Julian day
 *
 * Shows the entries from @start to @end (a chapter part's years, say),
 * each with its label whole, as large as they can be.
 */
void
nichiro_timeline_zoom_to (NichiroTimeline *self,
                          double           start,
                          double           end)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE (self));
  g_return_if_fail (end > start);

  nichiro_timeline_canvas_zoom_to (self->canvas, start, end);
}

/**
 * nichiro_timeline_get_entry_area:
 * @self: a timeline
 * @entry: an entry
 * @out_area: (out): where it is drawn, marker and label, in the canvas's
 *   coordinates (nichiro_timeline_get_canvas())
 *
 * Says where @entry is on screen, to point a popover at it, say.
 *
 * Returns: %FALSE if @entry is out of view, in a cluster, or not shown
 */
gboolean
nichiro_timeline_get_entry_area (NichiroTimeline *self,
                                 NichiroEntry    *entry,
                                 GdkRectangle    *out_area)
{
  g_return_val_if_fail (NICHIRO_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (NICHIRO_IS_ENTRY (entry), FALSE);
  g_return_val_if_fail (out_area != NULL, FALSE);

  return nichiro_timeline_canvas_get_entry_area (self->canvas, entry, out_area);
}

/**
 * nichiro_timeline_get_canvas:
 * @self: a timeline
 *
 * For tests and benchmarks: the widget that draws the timeline and takes
 * its keys.
 *
 * Returns: (transfer none): the canvas
 */
GtkWidget *
nichiro_timeline_get_canvas (NichiroTimeline *self)
{
  g_return_val_if_fail (NICHIRO_IS_TIMELINE (self), NULL);

  return GTK_WIDGET (self->canvas);
}

const char *
nichiro_timeline_get_group_by (NichiroTimeline *self)
{
  g_return_val_if_fail (NICHIRO_IS_TIMELINE (self), NULL);

  return self->group_by;
}

/**
 * nichiro_timeline_set_group_by:
 * @self: a timeline
 * @group_by: "none", "kind" or "thread"; anything else is "none"
 */
void
nichiro_timeline_set_group_by (NichiroTimeline *self,
                               const char      *group_by)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE (self));

  if (g_strcmp0 (group_by, "kind") != 0 && g_strcmp0 (group_by, "thread") != 0)
    group_by = "none";

  if (g_strcmp0 (self->group_by, group_by) == 0)
    return;

  g_free (self->group_by);
  self->group_by = g_strdup (group_by);

  _nichiro_timeline_apply_options (self);
  _nichiro_timeline_sync_option_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_BY]);
}

static gboolean
set_strv (char               ***slot,
          const char * const   *value)
{
  const char * const empty[] = { NULL };

  if (value == NULL)
    value = empty;
  if (*slot != NULL && g_strv_equal ((const char * const *) *slot, value))
    return FALSE;

  g_strfreev (*slot);
  *slot = g_strdupv ((char **) value);
  return TRUE;
}

/**
 * nichiro_timeline_set_hidden_kinds:
 * @self: a timeline
 * @kinds: (array zero-terminated=1) (nullable): the kinds not to show:
 *   "instruments", "conflicts", "events"
 */
void
nichiro_timeline_set_hidden_kinds (NichiroTimeline    *self,
                                   const char * const *kinds)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE (self));

  if (!set_strv (&self->hidden_kinds, kinds))
    return;

  _nichiro_timeline_apply_options (self);
  _nichiro_timeline_sync_option_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_KINDS]);
}

/**
 * nichiro_timeline_set_hidden_threads:
 * @self: a timeline
 * @threads: (array zero-terminated=1) (nullable): the ids of the threads
 *   not to show; "" for the entries of no thread
 */
void
nichiro_timeline_set_hidden_threads (NichiroTimeline    *self,
                                     const char * const *threads)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE (self));

  if (!set_strv (&self->hidden_threads, threads))
    return;

  _nichiro_timeline_apply_options (self);
  _nichiro_timeline_sync_option_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_THREADS]);
}
