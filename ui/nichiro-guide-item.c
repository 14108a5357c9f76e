/* nichiro-guide-item.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-guide"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-guide-item-private.h"
#include "nichiro-list-row.h"

/* NichiroGuideItem: one row, a part or an entry. Rows follow its
 * notifications, so a change in the store updates the row it concerns. */

G_DEFINE_FINAL_TYPE (NichiroGuideItem, nichiro_guide_item, G_TYPE_OBJECT)

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
nichiro_guide_item_finalize (GObject *object)
{
  NichiroGuideItem *self = (NichiroGuideItem *)object;

  g_clear_object (&self->entry);
  g_clear_object (&self->children);
  g_clear_pointer (&self->part_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->count, g_free);
  g_clear_pointer (&self->count_description, g_free);
  g_clear_pointer (&self->accessible_label, g_free);

  G_OBJECT_CLASS (nichiro_guide_item_parent_class)->finalize (object);
}

static void
nichiro_guide_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NichiroGuideItem *self = NICHIRO_GUIDE_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    case ITEM_PROP_PART_ID:
      g_value_set_string (value, self->part_id);
      break;

    case ITEM_PROP_IS_PART:
      g_value_set_boolean (value, self->entry == NULL);
      break;

    case ITEM_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case ITEM_PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case ITEM_PROP_COUNT:
      g_value_set_string (value, self->count);
      break;

    case ITEM_PROP_COUNT_DESCRIPTION:
      g_value_set_string (value, self->count_description);
      break;

    case ITEM_PROP_ACCESSIBLE_LABEL:
      g_value_set_string (value, self->accessible_label);
      break;

    case ITEM_PROP_STUDIED:
      g_value_set_boolean (value, self->studied);
      break;

    case ITEM_PROP_BOOKMARKED:
      g_value_set_boolean (value, self->bookmarked);
      break;

    case ITEM_PROP_NOTED:
      g_value_set_boolean (value, self->noted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_guide_item_class_init (NichiroGuideItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nichiro_guide_item_finalize;
  object_class->get_property = nichiro_guide_item_get_property;

  item_properties[ITEM_PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, NICHIRO_TYPE_ENTRY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_PART_ID] =
    g_param_spec_string ("part-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_IS_PART] =
    g_param_spec_boolean ("is-part", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_COUNT] =
    g_param_spec_string ("count", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_COUNT_DESCRIPTION] =
    g_param_spec_string ("count-description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* What a screen reader calls a part's row: the part with how much of it
   * is studied. An entry's row names itself when shown (guide_row_sync). */
  item_properties[ITEM_PROP_ACCESSIBLE_LABEL] =
    g_param_spec_string ("accessible-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_STUDIED] =
    g_param_spec_boolean ("studied", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_BOOKMARKED] =
    g_param_spec_boolean ("bookmarked", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_NOTED] =
    g_param_spec_boolean ("noted", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
nichiro_guide_item_init (NichiroGuideItem *self)
{
}

/**
 * nichiro_guide_item_set_flag:
 * @self: an item
 * @field: one of @self's flags
 * @value: its new value
 * @prop: the property it is read through, notified if it changes
 */
void
nichiro_guide_item_set_flag (NichiroGuideItem *self,
                             gboolean         *field,
                             gboolean          value,
                             guint             prop)
{
  if (*field == !!value)
    return;

  *field = !!value;
  g_object_notify_by_pspec (G_OBJECT (self), item_properties[prop]);
}

/**
 * nichiro_guide_item_set_string:
 * @self: an item
 * @field: one of @self's strings
 * @value: (nullable): its new value, copied
 * @prop: the property it is read through, notified if it changes
 */
void
nichiro_guide_item_set_string (NichiroGuideItem  *self,
                               char             **field,
                               const char        *value,
                               guint              prop)
{
  /* g_set_str() is GLib 2.76. */
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), item_properties[prop]);
}

/**
 * nichiro_guide_item_new_part:
 * @part: a part of the chapter
 *
 * Returns: (transfer full): the part's item, its entries not yet added
 */
NichiroGuideItem *
nichiro_guide_item_new_part (const NichiroPart *part)
{
  NichiroGuideItem *self = g_object_new (NICHIRO_TYPE_GUIDE_ITEM, NULL);
  g_autofree char *start = nichiro_date_format_short (&part->start);
  g_autofree char *end = nichiro_date_format_short (&part->end);

  self->part_id = g_strdup (part->id);
  self->children = g_list_store_new (NICHIRO_TYPE_GUIDE_ITEM);
  /* Translators: a part of the book's chapter, "NUMBER. TITLE" */
  self->title = g_strdup_printf (_("%u. %s"), part->number,
                                 nichiro_part_get_title (part, nichiro_language_get_interface ()));
  if (start != NULL && end != NULL && g_strcmp0 (start, end) != 0)
    /* Translators: the years a part of the chapter covers */
    self->subtitle = g_strdup_printf (_("%s–%s"), start, end);
  else
    self->subtitle = g_strdup (start ? start : "");
  self->count = g_strdup ("");
  self->count_description = g_strdup ("");

  return self;
}

/**
 * nichiro_guide_item_new_entry:
 * @entry: an entry
 *
 * Returns: (transfer full): the entry's item, without the reader's marks
 */
NichiroGuideItem *
nichiro_guide_item_new_entry (NichiroEntry *entry)
{
  NichiroGuideItem *self = g_object_new (NICHIRO_TYPE_GUIDE_ITEM, NULL);

  self->entry = g_object_ref (entry);
  self->part_id = g_strdup (nichiro_entry_get_part (entry));
  self->subtitle = nichiro_entry_dup_date_label (entry);
  self->count = g_strdup ("");
  self->count_description = g_strdup ("");

  return self;
}

/* The rows, made in C rather than from a builder template with bindings:
 * the guide's rows are in the first frame, and this makes them several
 * times faster. A row follows its item's notifications. */

typedef struct
{
  NichiroGuide *guide;
  NichiroGuideItem *item;   /* while bound, followed through "notify" */
  GtkTreeExpander *expander;
  NichiroListRow *row;
  GtkWidget *text;
  GtkLabel *title;
  GtkLabel *subtitle;
  GtkWidget *noted;         /* the marks: NULL until first shown */
  GtkWidget *bookmarked;
  GtkWidget *studied;
  GtkLabel *count;
} GuideRow;

/* A mark (a note, a bookmark, studied) is made the first time its row
 * shows it: most rows show none. @description is untranslated. */
static void
guide_row_show_mark (GuideRow    *widgets,
                     GtkWidget  **mark,
                     gboolean     shown,
                     const char  *icon_name,
                     const char  *description,
                     const char  *css_class)
{
  GtkWidget *after = widgets->text;

  if (*mark == NULL && !shown)
    return;

  if (*mark == NULL)
    {
      /* After the marks before it, which are made in order. */
      if (widgets->noted != NULL && mark != &widgets->noted)
        after = widgets->noted;
      if (widgets->bookmarked != NULL && mark == &widgets->studied)
        after = widgets->bookmarked;

      *mark = gtk_image_new_from_icon_name (icon_name);
      gtk_widget_set_valign (*mark, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (*mark, _(description));
      gtk_accessible_update_property (GTK_ACCESSIBLE (*mark), GTK_ACCESSIBLE_PROPERTY_LABEL, _(description), -1);
      gtk_widget_add_css_class (*mark, css_class);
      gtk_box_insert_child_after (GTK_BOX (widgets->row), *mark, after);
    }

  gtk_widget_set_visible (*mark, shown);
}

static void guide_row_item_notify_cb (NichiroGuideItem *item,
                                      GParamSpec       *pspec,
                                      GuideRow         *widgets);

static void
guide_row_unfollow (GuideRow *widgets)
{
  if (widgets->item == NULL)
    return;

  g_signal_handlers_disconnect_by_func (widgets->item, guide_row_item_notify_cb, widgets);
  g_clear_object (&widgets->item);
}

static void
guide_row_free (GuideRow *widgets)
{
  guide_row_unfollow (widgets);
  g_free (widgets);
}

static void
guide_row_setup_cb (GtkListItemFactory *factory,
                    GtkListItem        *list_item,
                    NichiroGuide       *guide)
{
  GuideRow *widgets = g_new0 (GuideRow, 1);

  /* The guide outlives its list's rows. */
  widgets->guide = guide;

  /* Not a stop of its own: the row takes the focus, and is named for
   * screen readers; the guide's keys open and close parts. */
  widgets->expander = GTK_TREE_EXPANDER (gtk_tree_expander_new ());
  gtk_widget_set_focusable (GTK_WIDGET (widgets->expander), FALSE);

  widgets->row = g_object_new (NICHIRO_TYPE_LIST_ROW, "spacing", 6, NULL);
  gtk_tree_expander_set_child (widgets->expander, GTK_WIDGET (widgets->row));

  widgets->text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (widgets->text, TRUE);
  gtk_widget_set_valign (widgets->text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (widgets->row), widgets->text);

  widgets->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (widgets->title, 0);
  gtk_label_set_wrap (widgets->title, TRUE);
  gtk_label_set_wrap_mode (widgets->title, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (widgets->title, 2);
  /* Its natural width unwrapped: the sidebar has a width of its own, and
   * GTK's search for a natural wrapping width costs a layout per try. */
  gtk_label_set_natural_wrap_mode (widgets->title, GTK_NATURAL_WRAP_NONE);
  gtk_label_set_ellipsize (widgets->title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (widgets->title), "nichiro-guide-title");
  gtk_box_append (GTK_BOX (widgets->text), GTK_WIDGET (widgets->title));

  widgets->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (widgets->subtitle, 0);
  gtk_label_set_ellipsize (widgets->subtitle, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (widgets->subtitle), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (widgets->subtitle), "dim-label");
  gtk_box_append (GTK_BOX (widgets->text), GTK_WIDGET (widgets->subtitle));

  widgets->count = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (widgets->count), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (widgets->count), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (widgets->count), "nichiro-guide-count");
  gtk_widget_add_css_class (GTK_WIDGET (widgets->count), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (widgets->count), "caption");
  gtk_box_append (GTK_BOX (widgets->row), GTK_WIDGET (widgets->count));

  g_object_set_data_full (G_OBJECT (list_item), "nichiro-guide-row", widgets, (GDestroyNotify) guide_row_free);
  gtk_list_item_set_child (list_item, GTK_WIDGET (widgets->expander));
}

static void
guide_row_sync (GuideRow         *widgets,
                NichiroGuideItem *item)
{
  const char *part_classes[] = { "nichiro-guide-part", NULL };
  const char *entry_classes[] = { "nichiro-guide-entry", NULL };
  NichiroSession *session = nichiro_guide_get_session (widgets->guide);

  if (item->entry != NULL && session != NULL)
    {
      g_autofree char *name = nichiro_list_row_describe_entry (session, item->entry);

      nichiro_list_row_set_accessible_label (widgets->row, name);
    }
  else
    nichiro_list_row_set_accessible_label (widgets->row, item->accessible_label);
  gtk_widget_set_css_classes (GTK_WIDGET (widgets->row), item->entry == NULL ? part_classes : entry_classes);
  gtk_label_set_text (widgets->title, item->title);
  gtk_label_set_text (widgets->subtitle, item->subtitle);
  guide_row_show_mark (widgets, &widgets->noted, item->noted, "document-edit-symbolic", N_("Has a note"), "dim-label");
  guide_row_show_mark (widgets, &widgets->bookmarked, item->bookmarked, "user-bookmarks-symbolic", N_("Bookmarked"),
                       "nichiro-study-bookmarked");
  guide_row_show_mark (widgets, &widgets->studied, item->studied, "object-select-symbolic", N_("Studied"),
                       "nichiro-study-studied");
  gtk_label_set_text (widgets->count, item->count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (widgets->count), item->count_description);
  gtk_widget_set_visible (GTK_WIDGET (widgets->count), item->entry == NULL);
}

static void
guide_row_item_notify_cb (NichiroGuideItem *item,
                          GParamSpec       *pspec,
                          GuideRow         *widgets)
{
  guide_row_sync (widgets, item);
}

static void
guide_row_bind_cb (GtkListItemFactory *factory,
                   GtkListItem        *list_item)
{
  GuideRow *widgets = g_object_get_data (G_OBJECT (list_item), "nichiro-guide-row");
  GtkTreeListRow *list_row = gtk_list_item_get_item (list_item);
  g_autoptr(NichiroGuideItem) item = gtk_tree_list_row_get_item (list_row);

  gtk_tree_expander_set_list_row (widgets->expander, list_row);
  guide_row_unfollow (widgets);
  if (item == NULL)
    return;

  widgets->item = g_object_ref (item);
  guide_row_sync (widgets, item);
  g_signal_connect (item, "notify", G_CALLBACK (guide_row_item_notify_cb), widgets);
}

static void
guide_row_unbind_cb (GtkListItemFactory *factory,
                     GtkListItem        *list_item)
{
  GuideRow *widgets = g_object_get_data (G_OBJECT (list_item), "nichiro-guide-row");

  guide_row_unfollow (widgets);
  gtk_tree_expander_set_list_row (widgets->expander, NULL);
}

/**
 * nichiro_guide_item_create_factory:
 * @guide: the guide whose list the rows are in; it outlives them
 *
 * Returns: (transfer full): a factory making the guide's rows, each an
 *   expander over a #NichiroGuideItem
 */
GtkListItemFactory *
nichiro_guide_item_create_factory (NichiroGuide *guide)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (guide_row_setup_cb), guide);
  g_signal_connect (factory, "bind", G_CALLBACK (guide_row_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (guide_row_unbind_cb), NULL);
  return factory;
}
