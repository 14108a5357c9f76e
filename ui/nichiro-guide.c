/* nichiro-guide.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-guide"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-guide.h"
#include "nichiro-guide-item-private.h"
#include "nichiro-list-row.h"

/* The chapter guide: the chapter's parts in reading order, each with how
 * much of it is studied, and under each its entries in date order with
 * the reader's marks. It reads the book's structure from the session's
 * dataset and the marks from the study store; selecting an entry selects
 * it everywhere, and the guide follows the selection made elsewhere. */

/* The guide. */

struct _NichiroGuide
{
  GtkWidget parent_instance;

  NichiroSession *session;
  GSignalGroup *session_signals;

  GListStore *parts;
  GtkTreeListModel *tree;
  GtkSingleSelection *selection;

  /* Set while the guide shows a selection made elsewhere, so that showing
   * it is not taken for the reader choosing it. */
  guint following;
  guint scroll_tick;

  /* The item of the selected row, to tell a new selection from the same
   * one reported again. */
  NichiroGuideItem *selected_item;

  GtkScrolledWindow *scroller;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (NichiroGuide, nichiro_guide, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum {
  PART_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
dataset_id (NichiroGuide *self)
{
  return nichiro_session_get_dataset_id (self->session);
}

static NichiroStudyStore *
get_store (NichiroGuide *self)
{
  return self->session ? nichiro_session_get_store (self->session) : NULL;
}

static void
update_entry_item (NichiroGuide     *self,
                   NichiroGuideItem *item)
{
  NichiroStudyStore *store = get_store (self);
  const char *id = nichiro_entry_get_id (item->entry);
  gboolean studied = FALSE, bookmarked = FALSE, noted = FALSE;

  if (store != NULL)
    {
      studied = nichiro_study_store_get_studied (store, dataset_id (self), id);
      bookmarked = nichiro_study_store_get_bookmarked (store, dataset_id (self), id);
      noted = nichiro_study_store_matches (store, dataset_id (self), id, NICHIRO_STUDY_FILTER_NOTED);
    }

  nichiro_guide_item_set_string (item, &item->title, nichiro_session_get_title (self->session, item->entry), ITEM_PROP_TITLE);
  nichiro_guide_item_set_flag (item, &item->studied, studied, ITEM_PROP_STUDIED);
  nichiro_guide_item_set_flag (item, &item->bookmarked, bookmarked, ITEM_PROP_BOOKMARKED);
  nichiro_guide_item_set_flag (item, &item->noted, noted, ITEM_PROP_NOTED);
  /* An entry's row names itself when shown (guide_row_sync): most entries
   * are in closed parts. */
}

static void
update_part_item (NichiroGuide     *self,
                  NichiroGuideItem *item)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (item->children));
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;
  guint studied = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(NichiroGuideItem) child = g_list_model_get_item (G_LIST_MODEL (item->children), i);

      studied += child->studied;
    }

  /* Translators: how many of a part's entries are studied, "STUDIED/TOTAL" */
  count = g_strdup_printf (_("%u/%u"), studied, n_items);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u of %u entry studied",
                                              "%u of %u entries studied", n_items),
                                 studied, n_items);
  nichiro_guide_item_set_string (item, &item->count, count, ITEM_PROP_COUNT);
  nichiro_guide_item_set_string (item, &item->count_description, description, ITEM_PROP_COUNT_DESCRIPTION);
  nichiro_guide_item_set_flag (item, &item->studied, n_items > 0 && studied == n_items, ITEM_PROP_STUDIED);
  {
    /* Translators: a chapter part's row for screen readers, "TITLE, YEARS, N of M entries studied" */
    g_autofree char *name = g_strdup_printf (_("%s, %s, %s"), item->title, item->subtitle, description);

    nichiro_guide_item_set_string (item, &item->accessible_label, name, ITEM_PROP_ACCESSIBLE_LABEL);
  }
}

/* A part and its entries. */
static void
update_part_tree (NichiroGuide     *self,
                  NichiroGuideItem *part)
{
  guint n_entries = g_list_model_get_n_items (G_LIST_MODEL (part->children));

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(NichiroGuideItem) entry = g_list_model_get_item (G_LIST_MODEL (part->children), i);

      update_entry_item (self, entry);
    }
  update_part_item (self, part);
}

static void
update_all (NichiroGuide *self)
{
  guint n_parts = g_list_model_get_n_items (G_LIST_MODEL (self->parts));

  for (guint p = 0; p < n_parts; p++)
    {
      g_autoptr(NichiroGuideItem) part = g_list_model_get_item (G_LIST_MODEL (self->parts), p);

      update_part_tree (self, part);
    }
}

/* Finds the part of @part_id, and in it the entry of @entry_id if given. */
static gboolean
find_items (NichiroGuide      *self,
            const char        *part_id,
            const char        *entry_id,
            guint             *out_part,
            guint             *out_entry)
{
  guint n_parts = g_list_model_get_n_items (G_LIST_MODEL (self->parts));

  for (guint p = 0; p < n_parts; p++)
    {
      g_autoptr(NichiroGuideItem) part = g_list_model_get_item (G_LIST_MODEL (self->parts), p);
      guint n_entries;

      if (g_strcmp0 (part->part_id, part_id) != 0)
        continue;

      *out_part = p;
      if (entry_id == NULL)
        return TRUE;

      n_entries = g_list_model_get_n_items (G_LIST_MODEL (part->children));
      for (guint i = 0; i < n_entries; i++)
        {
          g_autoptr(NichiroGuideItem) entry = g_list_model_get_item (G_LIST_MODEL (part->children), i);

          if (g_strcmp0 (nichiro_entry_get_id (entry->entry), entry_id) == 0)
            {
              *out_entry = i;
              return TRUE;
            }
        }
      return FALSE;
    }

  return FALSE;
}

/* Scrolls the selected row into view once the list has been laid out:
 * before that, a list does not know where its rows are. */
static gboolean
scroll_tick_cb (GtkWidget     *list_view,
                GdkFrameClock *frame_clock,
                gpointer       data)
{
  NichiroGuide *self = data;
  guint position = gtk_single_selection_get_selected (self->selection);

  if (gtk_widget_get_height (list_view) == 0)
    return G_SOURCE_CONTINUE;

  self->scroll_tick = 0;
  if (position != GTK_INVALID_LIST_POSITION)
    {
#if GTK_CHECK_VERSION (4, 12, 0)
      gtk_list_view_scroll_to (self->list_view, position, GTK_LIST_SCROLL_NONE, NULL);
#else
      gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
#endif
    }

  return G_SOURCE_REMOVE;
}

static void
select_position (NichiroGuide *self,
                 guint         position)
{
  self->following++;
  gtk_single_selection_set_selected (self->selection, position);
  self->following--;

  if (position != GTK_INVALID_LIST_POSITION && self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), scroll_tick_cb, self, NULL);
}

static void
expand_part (NichiroGuide *self,
             guint         part_index)
{
  g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree, part_index);

  if (row != NULL)
    gtk_tree_list_row_set_expanded (row, TRUE);
}

/* Shows the session's selection: opens its part and selects its row. */
static void
follow_selection (NichiroGuide *self)
{
  NichiroEntry *entry = self->session ? nichiro_session_get_selected (self->session) : NULL;
  g_autoptr(GtkTreeListRow) part_row = NULL;
  GtkTreeListRow *current;
  guint part_index, entry_index;

  current = gtk_single_selection_get_selected_item (self->selection);
  if (current != NULL && entry != NULL)
    {
      g_autoptr(NichiroGuideItem) item = gtk_tree_list_row_get_item (current);

      if (item->entry == entry)
        return;
    }

  if (entry == NULL ||
      !find_items (self, nichiro_entry_get_part (entry), nichiro_entry_get_id (entry), &part_index, &entry_index))
    {
      /* A part stays selected while its entries are not being read. */
      if (entry != NULL)
        select_position (self, GTK_INVALID_LIST_POSITION);
      return;
    }

  expand_part (self, part_index);
  part_row = gtk_tree_list_model_get_child_row (self->tree, part_index);
  select_position (self, gtk_tree_list_row_get_position (part_row) + 1 + entry_index);
}

/* The part read last time open, the selection shown. */
static void
show_position (NichiroGuide *self)
{
  NichiroDataset *dataset = nichiro_session_get_dataset (self->session);
  const char *last_part;
  guint last_index;

  /* Where the reader was last time. */
  last_part = get_store (self) ? nichiro_study_store_get_last_part (get_store (self), nichiro_dataset_get_id (dataset)) : NULL;
  if (last_part != NULL && find_items (self, last_part, NULL, &last_index, NULL))
    expand_part (self, last_index);

  follow_selection (self);
}

/* The reader's marks, and the position. */
static void
show_reading (NichiroGuide *self)
{
  if (self->session == NULL)
    return;

  update_all (self);
  show_position (self);
}

static void
rebuild (NichiroGuide *self)
{
  NichiroDataset *dataset;
  const NichiroPart *parts;
  GListModel *entries;
  g_autoptr(GHashTable) by_part = NULL;
  g_autoptr(GPtrArray) part_items = NULL;
  guint n_parts, n_entries;

  if (self->session == NULL)
    {
      g_list_store_remove_all (self->parts);
      return;
    }

  dataset = nichiro_session_get_dataset (self->session);
  parts = nichiro_dataset_get_parts (dataset, &n_parts);
  entries = nichiro_dataset_get_entries (dataset);
  n_entries = g_list_model_get_n_items (entries);
  by_part = g_hash_table_new (g_str_hash, g_str_equal);
  part_items = g_ptr_array_new_full (n_parts, g_object_unref);

  for (guint p = 0; p < n_parts; p++)
    {
      NichiroGuideItem *part = nichiro_guide_item_new_part (&parts[p]);

      g_hash_table_insert (by_part, parts[p].id, part);
      g_ptr_array_add (part_items, part);
    }

  /* The dataset lists its entries by date. */
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(NichiroGuideItem) item = nichiro_guide_item_new_entry (entry);
      NichiroGuideItem *part = g_hash_table_lookup (by_part, nichiro_entry_get_part (entry));

      if (part != NULL)
        g_list_store_append (part->children, item);
    }

  /* The marks before the rows are made, and in one change, so that the
   * list makes its rows once. */
  for (guint p = 0; p < part_items->len; p++)
    update_part_tree (self, g_ptr_array_index (part_items, p));
  g_list_store_splice (self->parts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->parts)),
                       part_items->pdata, part_items->len);
  show_position (self);
}

static GListModel *
create_child_model_cb (gpointer item,
                       gpointer user_data)
{
  NichiroGuideItem *guide_item = item;

  if (guide_item->children == NULL)
    return NULL;

  return g_object_ref (G_LIST_MODEL (guide_item->children));
}

static void
study_changed_cb (NichiroGuide *self,
                  const char   *entry_id)
{
  guint part_index, entry_index;
  NichiroEntry *entry;
  g_autoptr(NichiroGuideItem) part = NULL;
  g_autoptr(NichiroGuideItem) item = NULL;

  /* Another store altogether. */
  if (entry_id == NULL)
    {
      show_reading (self);
      return;
    }

  entry = nichiro_dataset_lookup_entry (nichiro_session_get_dataset (self->session), entry_id);
  if (entry == NULL ||
      !find_items (self, nichiro_entry_get_part (entry), entry_id, &part_index, &entry_index))
    return;

  part = g_list_model_get_item (G_LIST_MODEL (self->parts), part_index);
  item = g_list_model_get_item (G_LIST_MODEL (part->children), entry_index);
  update_entry_item (self, item);
  update_part_item (self, part);
}

static void
selection_changed_cb (NichiroGuide *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(NichiroGuideItem) item = row ? gtk_tree_list_row_get_item (row) : NULL;

  /* Opening or closing a part reports the same selection again. */
  if (item == self->selected_item)
    return;
  g_set_object (&self->selected_item, item);

  if (self->following > 0 || self->session == NULL || item == NULL)
    return;

  if (item->entry != NULL)
    {
      nichiro_session_set_selected (self->session, item->entry);
      return;
    }

  if (get_store (self) != NULL)
    nichiro_study_store_set_last_part (get_store (self), dataset_id (self), item->part_id, NULL);
  g_signal_emit (self, signals[PART_ACTIVATED], 0, item->part_id);
}

/* Enter or a double click opens and closes a part. */
static void
list_activate_cb (NichiroGuide *self,
                  guint         position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
}

/* A row's content is the expander; the selection holds the tree's rows. */
static gpointer
guide_row_item (GtkWidget *content)
{
  return GTK_IS_TREE_EXPANDER (content) ? gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (content)) : NULL;
}

/* Right or plus opens the selected part, Left or minus closes it, as in a
 * tree; the selection follows the focus in the list. */
static gboolean
list_key_pressed_cb (NichiroGuide          *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  gboolean expand;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 || row == NULL ||
      !gtk_tree_list_row_is_expandable (row))
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_plus || keyval == GDK_KEY_KP_Add ||
      keyval == (rtl ? GDK_KEY_Left : GDK_KEY_Right))
    expand = TRUE;
  else if (keyval == GDK_KEY_minus || keyval == GDK_KEY_KP_Subtract ||
           keyval == (rtl ? GDK_KEY_Right : GDK_KEY_Left))
    expand = FALSE;
  else
    return GDK_EVENT_PROPAGATE;

  gtk_tree_list_row_set_expanded (row, expand);
  return GDK_EVENT_STOP;
}

static void
nichiro_guide_dispose (GObject *object)
{
  NichiroGuide *self = (NichiroGuide *)object;

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->scroll_tick);
  self->scroll_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_GUIDE);

  g_clear_object (&self->selection);
  g_clear_object (&self->selected_item);
  g_clear_object (&self->tree);
  g_clear_object (&self->parts);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (nichiro_guide_parent_class)->dispose (object);
}

static void
nichiro_guide_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NichiroGuide *self = NICHIRO_GUIDE (object);

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
nichiro_guide_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NichiroGuide *self = NICHIRO_GUIDE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nichiro_guide_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_guide_class_init (NichiroGuideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_guide_dispose;
  object_class->get_property = nichiro_guide_get_property;
  object_class->set_property = nichiro_guide_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NichiroGuide::part-activated:
   * @self: the guide
   * @part_id: the part the reader chose
   *
   * Emitted when the reader selects a part of the chapter, so that the
   * timeline can show its period.
   */
  signals[PART_ACTIVATED] =
    g_signal_new ("part-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  g_type_ensure (NICHIRO_TYPE_GUIDE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-guide.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroGuide, scroller);
  gtk_widget_class_bind_template_child (widget_class, NichiroGuide, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_set_css_name (widget_class, "nichiro-guide");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nichiro_guide_init (NichiroGuide *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (NICHIRO_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::selected",
                                 G_CALLBACK (follow_selection), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::title-language",
                                 G_CALLBACK (update_all), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "study-changed",
                                 G_CALLBACK (study_changed_cb), self, G_CONNECT_SWAPPED);

  self->parts = g_list_store_new (NICHIRO_TYPE_GUIDE_ITEM);
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->parts)),
                                        FALSE, FALSE, create_child_model_cb, NULL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  factory = nichiro_guide_item_create_factory (self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  nichiro_list_view_use_one_tab_stop (self->list_view, guide_row_item);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);
}

GtkWidget *
nichiro_guide_new (void)
{
  return g_object_new (NICHIRO_TYPE_GUIDE, NULL);
}

/**
 * nichiro_guide_get_session:
 * @self: a guide
 *
 * Returns: (transfer none) (nullable): the session shown
 */
NichiroSession *
nichiro_guide_get_session (NichiroGuide *self)
{
  g_return_val_if_fail (NICHIRO_IS_GUIDE (self), NULL);

  return self->session;
}

/**
 * nichiro_guide_set_session:
 * @self: a guide
 * @session: (nullable): the session: its dataset gives the parts and
 *   entries, its selection is shown and set
 */
void
nichiro_guide_set_session (NichiroGuide   *self,
                           NichiroSession *session)
{
  g_return_if_fail (NICHIRO_IS_GUIDE (self));

  if (nichiro_session_follow (G_OBJECT (self), properties[PROP_SESSION], &self->session, self->session_signals, session))
    rebuild (self);
}
