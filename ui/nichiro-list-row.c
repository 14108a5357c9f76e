/* nichiro-list-row.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-list-row"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-list-row.h"

/* What a screen reader and the keyboard need from a GtkListView's rows.
 *
 * A row is named by what it shows ("Treaty of Portsmouth, Treaty,
 * 5 September 1905, studied"). The focus is on the row GTK makes around
 * the factory's widget, a private type before GTK 4.12 gave GtkListItem an
 * accessible label: so the name goes to the nearest ancestor that is a
 * list item. NichiroListRow is the box a GtkBuilderListItemFactory
 * template can bind the name to; rows with a class of their own call
 * nichiro_list_row_name_item().
 *
 * A list is one stop in the Tab chain, the arrows moving inside it, as in
 * GTK 4.12's GTK_LIST_TAB_ITEM: before that, Tab walks every row. Tab
 * into a list lands on its selected row, scrolled into view, not on the
 * row the list last had the focus on, which may be far out of sight. */

struct _NichiroListRow
{
  GtkBox parent_instance;

  char *accessible_label;
  GObject *item;
};

G_DEFINE_FINAL_TYPE (NichiroListRow, nichiro_list_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_ACCESSIBLE_LABEL,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
parent_changed_cb (NichiroListRow *self)
{
  nichiro_list_row_name_item (GTK_WIDGET (self), self->accessible_label);
}

static void
nichiro_list_row_finalize (GObject *object)
{
  NichiroListRow *self = (NichiroListRow *)object;

  g_clear_pointer (&self->accessible_label, g_free);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (nichiro_list_row_parent_class)->finalize (object);
}

static void
nichiro_list_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NichiroListRow *self = NICHIRO_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ACCESSIBLE_LABEL:
      g_value_set_string (value, self->accessible_label);
      break;

    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_list_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NichiroListRow *self = NICHIRO_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ACCESSIBLE_LABEL:
      nichiro_list_row_set_accessible_label (self, g_value_get_string (value));
      break;

    case PROP_ITEM:
      if (g_set_object (&self->item, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_list_row_class_init (NichiroListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nichiro_list_row_finalize;
  object_class->get_property = nichiro_list_row_get_property;
  object_class->set_property = nichiro_list_row_set_property;

  /**
   * NichiroListRow:accessible-label:
   *
   * What a screen reader says for the row the box is in.
   */
  properties[PROP_ACCESSIBLE_LABEL] =
    g_param_spec_string ("accessible-label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroListRow:item:
   *
   * The list's item the row shows, for nichiro_list_row_get_item().
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nichiro_list_row_init (NichiroListRow *self)
{
  g_signal_connect (self, "notify::parent", G_CALLBACK (parent_changed_cb), NULL);
}

const char *
nichiro_list_row_get_accessible_label (NichiroListRow *self)
{
  g_return_val_if_fail (NICHIRO_IS_LIST_ROW (self), NULL);

  return self->accessible_label;
}

void
nichiro_list_row_set_accessible_label (NichiroListRow *self,
                                       const char     *label)
{
  g_return_if_fail (NICHIRO_IS_LIST_ROW (self));

  /* g_set_str() is GLib 2.76. */
  if (g_strcmp0 (self->accessible_label, label) == 0)
    return;

  g_free (self->accessible_label);
  self->accessible_label = g_strdup (label);
  nichiro_list_row_name_item (GTK_WIDGET (self), label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESSIBLE_LABEL]);
}

/**
 * nichiro_list_row_get_item:
 * @content: a #NichiroListRow
 *
 * A #NichiroRowItemFunc for rows whose factory binds #NichiroListRow:item.
 *
 * Returns: (transfer none) (nullable): the item the row shows
 */
gpointer
nichiro_list_row_get_item (GtkWidget *content)
{
  return NICHIRO_IS_LIST_ROW (content) ? NICHIRO_LIST_ROW (content)->item : NULL;
}

/**
 * nichiro_list_row_name_item:
 * @content: the widget a list item factory made for a row
 * @label: (nullable): what the row is called
 *
 * Names the row @content is in, for screen readers. Does nothing while
 * @content is in no list.
 */
void
nichiro_list_row_name_item (GtkWidget  *content,
                            const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (content));

  for (GtkWidget *widget = content;
       widget != NULL && !GTK_IS_LIST_VIEW (widget);
       widget = gtk_widget_get_parent (widget))
    {
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
        {
          if (label != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          else
            gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
          return;
        }
    }
}

/**
 * nichiro_list_row_describe_entry:
 * @session: the session the row shows
 * @entry: the entry in the row
 *
 * What a row showing @entry is called: its title in the session's title
 * language, its kind, its dates, and the reader's marks on it ("Treaty of
 * Portsmouth, Treaty, 5 September 1905, studied, bookmarked").
 *
 * Returns: (transfer full): the name
 */
char *
nichiro_list_row_describe_entry (NichiroSession *session,
                                 NichiroEntry   *entry)
{
  NichiroStudyStore *store;
  const char *dataset_id, *id, *note;
  g_autofree char *dates = NULL;
  GString *name;

  g_return_val_if_fail (NICHIRO_IS_SESSION (session), NULL);
  g_return_val_if_fail (NICHIRO_IS_ENTRY (entry), NULL);

  store = nichiro_session_get_store (session);
  dataset_id = nichiro_session_get_dataset_id (session);
  id = nichiro_entry_get_id (entry);
  dates = nichiro_entry_dup_date_span (entry);
  name = g_string_new (nichiro_session_get_title (session, entry));
  /* Translators: the parts of a list row's name for screen readers are
   * joined with this, as in "Treaty of Portsmouth, Treaty, 5 September 1905" */
  g_string_append_printf (name, _(", %s"), nichiro_entry_kind_get_label (nichiro_entry_get_kind (entry)));
  g_string_append_printf (name, _(", %s"), dates);

  if (store != NULL)
    {
      if (nichiro_study_store_get_studied (store, dataset_id, id))
        g_string_append_printf (name, _(", %s"), _("studied"));
      if (nichiro_study_store_get_bookmarked (store, dataset_id, id))
        g_string_append_printf (name, _(", %s"), _("bookmarked"));
      note = nichiro_study_store_get_note (store, dataset_id, id);
      if (note != NULL && note[0] != '\0')
        g_string_append_printf (name, _(", %s"), _("has a note"));
    }

  return g_string_free (name, FALSE);
}

typedef struct
{
  NichiroRowItemFunc row_item;
  guint tick;
  guint tries;
} TabStop;

static void
tab_stop_free (gpointer data)
{
  g_free (data);
}

static TabStop *
get_tab_stop (GtkWidget *list)
{
  return g_object_get_data (G_OBJECT (list), "nichiro-tab-stop");
}

/* The row of @list that shows @item, if it has been made. */
static GtkWidget *
find_row (GtkWidget *list,
          gpointer   item)
{
  TabStop *stop = get_tab_stop (list);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *content = gtk_widget_get_first_child (row);

      if (content != NULL && stop->row_item (content) == item)
        return row;
    }

  return NULL;
}

static gpointer
get_selected_item (GtkWidget *list)
{
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (list));

  return GTK_IS_SINGLE_SELECTION (model) ? gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model)) : NULL;
}

/* A frame after the focus came in: if it is not on the selected row, the
 * list scrolls to that row and, once it has made it, the focus moves
 * there. */
static gboolean
focus_selected_tick_cb (GtkWidget     *list,
                        GdkFrameClock *frame_clock,
                        gpointer       user_data)
{
  TabStop *stop = get_tab_stop (list);
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gpointer item = get_selected_item (list);
  GtkWidget *row = item ? find_row (list, item) : NULL;

  if (item == NULL || focus == NULL || !gtk_widget_is_ancestor (focus, list) ||
      (row != NULL && (focus == row || gtk_widget_is_ancestor (focus, row))))
    goto done;

  if (stop->tries++ == 0)
    {
      guint position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));

#if GTK_CHECK_VERSION (4, 12, 0)
      gtk_list_view_scroll_to (GTK_LIST_VIEW (list), position, GTK_LIST_SCROLL_FOCUS, NULL);
      goto done;
#else
      gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
#endif
    }

  if (row != NULL)
    {
      gtk_widget_grab_focus (row);
      goto done;
    }

  if (stop->tries < 30)
    return G_SOURCE_CONTINUE;

done:
  stop->tick = 0;
  return G_SOURCE_REMOVE;
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                gpointer                 user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root = gtk_widget_get_root (list);
  TabStop *stop = get_tab_stop (list);

  /* Only when the keyboard brought the focus: a click chose its row. */
  if (!GTK_IS_WINDOW (root) || !gtk_window_get_focus_visible (GTK_WINDOW (root)) ||
      !GTK_IS_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list))) || stop->tick != 0)
    return;

  stop->tries = 0;
  stop->tick = gtk_widget_add_tick_callback (list, focus_selected_tick_cb, NULL, NULL);
}

#if !GTK_CHECK_VERSION (4, 12, 0)
/* Tab leaves the list for the next widget in the chain: with the list not
 * focusable for a moment, moving the focus passes over its rows. */
static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root = gtk_widget_get_root (list);
  GtkDirectionType direction;

  if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else
    return GDK_EVENT_PROPAGATE;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || !GTK_IS_WINDOW (root))
    return GDK_EVENT_PROPAGATE;

  gtk_widget_set_can_focus (list, FALSE);
  /* The window wraps round at the end of the chain. */
  gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (list, TRUE);
  gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);

  return GDK_EVENT_STOP;
}
#endif

/**
 * nichiro_list_view_use_one_tab_stop:
 * @list_view: a list over a #GtkSingleSelection
 * @row_item: tells which item a row shows
 *
 * Makes @list_view one stop in the Tab chain: Tab moves out of it, the
 * arrows between its rows, and Tab into it lands on the selected row.
 */
void
nichiro_list_view_use_one_tab_stop (GtkListView        *list_view,
                                    NichiroRowItemFunc  row_item)
{
  GtkEventController *controller;
  TabStop *stop;

  g_return_if_fail (GTK_IS_LIST_VIEW (list_view));
  g_return_if_fail (row_item != NULL);

  stop = g_new0 (TabStop, 1);
  stop->row_item = row_item;
  g_object_set_data_full (G_OBJECT (list_view), "nichiro-tab-stop", stop, tab_stop_free);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (focus_enter_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (list_view), controller);

#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_list_view_set_tab_behavior (list_view, GTK_LIST_TAB_ITEM);
#else
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (list_view), controller);
#endif
}
