/* nichiro-review.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-review"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "nichiro-list-row.h"
#include "nichiro-review.h"

/* Review: the entries the reader bookmarked or wrote a note on, in date
 * order, with the first line of the note. Choosing one selects it in the
 * session. The list changes in place as the store does, so typing a note
 * elsewhere updates its row without rebuilding the others. */

/* NichiroReviewItem: one row. */

#define NICHIRO_TYPE_REVIEW_ITEM (nichiro_review_item_get_type ())

G_DECLARE_FINAL_TYPE (NichiroReviewItem, nichiro_review_item, NICHIRO, REVIEW_ITEM, GObject)

struct _NichiroReviewItem
{
  GObject parent_instance;

  NichiroEntry *entry;
  guint index;              /* in the dataset, which is in date order */
  const char *title;        /* in the session's title language, owned by the entry */
  char *date;
  char *excerpt;
  gboolean bookmarked;
  gboolean noted;
};

G_DEFINE_FINAL_TYPE (NichiroReviewItem, nichiro_review_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_ENTRY,
  ITEM_PROP_TITLE,
  ITEM_PROP_DATE,
  ITEM_PROP_EXCERPT,
  ITEM_PROP_BOOKMARKED,
  ITEM_PROP_NOTED,
  ITEM_PROP_ACCESSIBLE_LABEL,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
nichiro_review_item_finalize (GObject *object)
{
  NichiroReviewItem *self = (NichiroReviewItem *)object;

  g_clear_object (&self->entry);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->excerpt, g_free);

  G_OBJECT_CLASS (nichiro_review_item_parent_class)->finalize (object);
}

/* What a screen reader calls the row: the entry and why it is here. */
static char *
item_dup_accessible_label (NichiroReviewItem *self)
{
  g_autofree char *dates = nichiro_entry_dup_date_span (self->entry);
  GString *name = g_string_new (self->title);

  g_string_append_printf (name, _(", %s"), nichiro_entry_kind_get_label (nichiro_entry_get_kind (self->entry)));
  g_string_append_printf (name, _(", %s"), dates);
  if (self->bookmarked)
    g_string_append_printf (name, _(", %s"), _("bookmarked"));
  if (self->noted)
    g_string_append_printf (name, _(", %s"), _("has a note"));

  return g_string_free (name, FALSE);
}

static void
nichiro_review_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NichiroReviewItem *self = NICHIRO_REVIEW_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    case ITEM_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case ITEM_PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case ITEM_PROP_EXCERPT:
      g_value_set_string (value, self->excerpt);
      break;

    case ITEM_PROP_BOOKMARKED:
      g_value_set_boolean (value, self->bookmarked);
      break;

    case ITEM_PROP_NOTED:
      g_value_set_boolean (value, self->noted);
      break;

    case ITEM_PROP_ACCESSIBLE_LABEL:
      g_value_take_string (value, item_dup_accessible_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_review_item_class_init (NichiroReviewItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nichiro_review_item_finalize;
  object_class->get_property = nichiro_review_item_get_property;

  item_properties[ITEM_PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, NICHIRO_TYPE_ENTRY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_EXCERPT] =
    g_param_spec_string ("excerpt", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_BOOKMARKED] =
    g_param_spec_boolean ("bookmarked", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_NOTED] =
    g_param_spec_boolean ("noted", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  item_properties[ITEM_PROP_ACCESSIBLE_LABEL] =
    g_param_spec_string ("accessible-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
nichiro_review_item_init (NichiroReviewItem *self)
{
}

/* The first line of a note that has words on it, for a row. */
static char *
dup_excerpt (const char *note)
{
  g_auto(GStrv) lines = NULL;

  if (note == NULL)
    return g_strdup ("");

  lines = g_strsplit (note, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        return g_strdup (lines[i]);
    }

  return g_strdup ("");
}

/* Brings @self up to date with @store; returns whether it still belongs
 * in the list. */
static gboolean
item_update (NichiroReviewItem *self,
             NichiroStudyStore *store,
             const char        *dataset_id)
{
  const char *id = nichiro_entry_get_id (self->entry);
  gboolean bookmarked = nichiro_study_store_get_bookmarked (store, dataset_id, id);
  gboolean noted = nichiro_study_store_matches (store, dataset_id, id, NICHIRO_STUDY_FILTER_NOTED);
  g_autofree char *excerpt = dup_excerpt (noted ? nichiro_study_store_get_note (store, dataset_id, id) : NULL);

  if (self->bookmarked != bookmarked)
    {
      self->bookmarked = bookmarked;
      g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_BOOKMARKED]);
      g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_ACCESSIBLE_LABEL]);
    }
  if (self->noted != noted)
    {
      self->noted = noted;
      g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_NOTED]);
      g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_ACCESSIBLE_LABEL]);
    }
  if (g_strcmp0 (self->excerpt, excerpt) != 0)
    {
      g_free (self->excerpt);
      self->excerpt = g_steal_pointer (&excerpt);
      g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_EXCERPT]);
    }

  return bookmarked || noted;
}

static NichiroReviewItem *
item_new (NichiroEntry    *entry,
          guint            index,
          NichiroLanguage  title_language)
{
  NichiroReviewItem *self = g_object_new (NICHIRO_TYPE_REVIEW_ITEM, NULL);

  self->entry = g_object_ref (entry);
  self->index = index;
  self->title = nichiro_entry_get_display_title (entry, title_language);
  self->date = nichiro_entry_dup_date_label (entry);

  return self;
}

/* The review. */

struct _NichiroReview
{
  GtkWidget parent_instance;

  NichiroSession *session;
  GSignalGroup *session_signals;

  GListStore *items;
  GtkSingleSelection *selection;
  guint following;
  guint scroll_tick;

  GtkStack *stack;
  GtkLabel *summary_label;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (NichiroReview, nichiro_review, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static NichiroStudyStore *
get_store (NichiroReview *self)
{
  return self->session ? nichiro_session_get_store (self->session) : NULL;
}

static void
update_summary (NichiroReview *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint bookmarked = 0, noted = 0;
  g_autofree char *bookmarks_text = NULL;
  g_autofree char *notes_text = NULL;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(NichiroReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      bookmarked += item->bookmarked;
      noted += item->noted;
    }

  bookmarks_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bookmark", "%u bookmarks", bookmarked),
                                    bookmarked);
  notes_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", noted), noted);
  /* Translators: "3 bookmarks · 2 notes" */
  summary = g_strdup_printf (_("%s · %s"), bookmarks_text, notes_text);
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "list" : "empty");
}

/* Scrolls the selected row into view once the list has been laid out:
 * before that, a list does not know where its rows are. */
static gboolean
scroll_tick_cb (GtkWidget     *list_view,
                GdkFrameClock *frame_clock,
                gpointer       data)
{
  NichiroReview *self = data;
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
follow_selection (NichiroReview *self)
{
  NichiroEntry *entry = self->session ? nichiro_session_get_selected (self->session) : NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; entry != NULL && i < n_items; i++)
    {
      g_autoptr(NichiroReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (item->entry == entry)
        {
          position = i;
          break;
        }
    }

  if (gtk_single_selection_get_selected (self->selection) == position)
    return;

  self->following++;
  gtk_single_selection_set_selected (self->selection, position);
  self->following--;

  if (position != GTK_INVALID_LIST_POSITION && self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), scroll_tick_cb, self, NULL);
}

static void
rebuild (NichiroReview *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *entries;
  guint n_entries;

  if (get_store (self) != NULL)
    {
      entries = nichiro_dataset_get_entries (nichiro_session_get_dataset (self->session));
      n_entries = g_list_model_get_n_items (entries);

      for (guint i = 0; i < n_entries; i++)
        {
          g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
          g_autoptr(NichiroReviewItem) item = item_new (entry, i, nichiro_session_get_title_language (self->session));

          if (item_update (item, get_store (self), nichiro_session_get_dataset_id (self->session)))
            g_ptr_array_add (items, g_steal_pointer (&item));
        }
    }

  self->following++;
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  self->following--;

  update_summary (self);
  follow_selection (self);
}

static void
title_language_changed_cb (NichiroReview *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(NichiroReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      item->title = nichiro_session_get_title (self->session, item->entry);
      g_object_notify_by_pspec (G_OBJECT (item), item_properties[ITEM_PROP_TITLE]);
      g_object_notify_by_pspec (G_OBJECT (item), item_properties[ITEM_PROP_ACCESSIBLE_LABEL]);
    }
}

static void
study_changed_cb (NichiroReview *self,
                  const char    *entry_id)
{
  NichiroStudyStore *store = get_store (self);
  const char *changed_dataset = nichiro_session_get_dataset_id (self->session);
  NichiroDataset *dataset;
  NichiroEntry *entry;
  guint n_items, position;
  g_autoptr(NichiroReviewItem) fresh = NULL;

  /* Another store altogether. */
  if (entry_id == NULL)
    {
      rebuild (self);
      return;
    }

  dataset = nichiro_session_get_dataset (self->session);
  entry = nichiro_dataset_lookup_entry (dataset, entry_id);
  if (entry == NULL)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (position = 0; position < n_items; position++)
    {
      g_autoptr(NichiroReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

      if (item->entry == entry)
        {
          /* Listed: updated in place, or gone. */
          if (!item_update (item, store, changed_dataset))
            {
              self->following++;
              g_list_store_remove (self->items, position);
              self->following--;
            }
          update_summary (self);
          return;
        }
    }

  /* Not listed yet: the dataset's index of the entry puts it in date order. */
  for (guint i = 0; i < g_list_model_get_n_items (nichiro_dataset_get_entries (dataset)); i++)
    {
      g_autoptr(NichiroEntry) candidate = g_list_model_get_item (nichiro_dataset_get_entries (dataset), i);

      if (candidate == entry)
        {
          fresh = item_new (entry, i, nichiro_session_get_title_language (self->session));
          break;
        }
    }
  if (fresh == NULL || !item_update (fresh, store, changed_dataset))
    return;

  for (position = 0; position < n_items; position++)
    {
      g_autoptr(NichiroReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

      if (item->index > fresh->index)
        break;
    }

  self->following++;
  g_list_store_insert (self->items, position, fresh);
  self->following--;
  update_summary (self);
  follow_selection (self);
}

static void
selection_changed_cb (NichiroReview *self)
{
  NichiroReviewItem *item;

  if (self->following > 0 || self->session == NULL)
    return;

  item = gtk_single_selection_get_selected_item (self->selection);
  if (item != NULL)
    nichiro_session_set_selected (self->session, item->entry);
}

static void
list_activate_cb (NichiroReview *self,
                  guint          position)
{
  g_autoptr(NichiroReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL && self->session != NULL)
    nichiro_session_set_selected (self->session, item->entry);
}

static void
nichiro_review_dispose (GObject *object)
{
  NichiroReview *self = (NichiroReview *)object;

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->scroll_tick);
  self->scroll_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_REVIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (nichiro_review_parent_class)->dispose (object);
}

static void
nichiro_review_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NichiroReview *self = NICHIRO_REVIEW (object);

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
nichiro_review_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NichiroReview *self = NICHIRO_REVIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nichiro_review_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_review_class_init (NichiroReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_review_dispose;
  object_class->get_property = nichiro_review_get_property;
  object_class->set_property = nichiro_review_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NICHIRO_TYPE_REVIEW_ITEM);
  g_type_ensure (NICHIRO_TYPE_LIST_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-review.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroReview, stack);
  gtk_widget_class_bind_template_child (widget_class, NichiroReview, summary_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroReview, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_set_css_name (widget_class, "nichiro-review");
}

static void
nichiro_review_init (NichiroReview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (NICHIRO_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::selected",
                                 G_CALLBACK (follow_selection), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::title-language",
                                 G_CALLBACK (title_language_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "study-changed",
                                 G_CALLBACK (study_changed_cb), self, G_CONNECT_SWAPPED);

  self->items = g_list_store_new (NICHIRO_TYPE_REVIEW_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  nichiro_list_view_use_one_tab_stop (self->list_view, nichiro_list_row_get_item);
  update_summary (self);
}

GtkWidget *
nichiro_review_new (void)
{
  return g_object_new (NICHIRO_TYPE_REVIEW, NULL);
}

/**
 * nichiro_review_get_session:
 * @self: a review
 *
 * Returns: (transfer none) (nullable): the session
 */
NichiroSession *
nichiro_review_get_session (NichiroReview *self)
{
  g_return_val_if_fail (NICHIRO_IS_REVIEW (self), NULL);

  return self->session;
}

void
nichiro_review_set_session (NichiroReview  *self,
                            NichiroSession *session)
{
  g_return_if_fail (NICHIRO_IS_REVIEW (self));

  if (nichiro_session_follow (G_OBJECT (self), properties[PROP_SESSION], &self->session, self->session_signals, session))
    rebuild (self);
}

/**
 * nichiro_review_get_model:
 * @self: a review
 *
 * The entries listed, to count them or to show them elsewhere.
 *
 * Returns: (transfer none): a list of the rows' items, whose "entry"
 *   property is the #NichiroEntry
 */
GListModel *
nichiro_review_get_model (NichiroReview *self)
{
  g_return_val_if_fail (NICHIRO_IS_REVIEW (self), NULL);

  return G_LIST_MODEL (self->items);
}
