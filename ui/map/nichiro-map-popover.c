/* nichiro-map-popover.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-map"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-map-popover.h"
#include "nichiro-territory.h"

/* What opens from the map: an area's changes of holder, each with the
 * instrument and article it rests on and where sources differ, the one in
 * force on the shown day marked; or the entries that happened at a place.
 * Activating a row says which entry to open (NichiroMap opens it). */

struct _NichiroMapPopover
{
  GtkPopover parent_instance;

  NichiroSession *session;

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (NichiroMapPopover, nichiro_map_popover, GTK_TYPE_POPOVER)

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);

  return label;
}

static GtkWidget *
make_row (const char *entry_id)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "entry-id", g_strdup (entry_id), g_free);

  return row;
}

static void
clear (NichiroMapPopover *self,
       NichiroSession    *session)
{
  GtkWidget *child;

  g_set_object (&self->session, session);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

/* Callbacks */

static void
row_activated_cb (NichiroMapPopover *self,
                  GtkListBoxRow     *row)
{
  const char *entry_id = g_object_get_data (G_OBJECT (row), "entry-id");

  gtk_popover_popdown (GTK_POPOVER (self));
  if (entry_id != NULL)
    g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, entry_id);
}

/* GObject */

static void
nichiro_map_popover_dispose (GObject *object)
{
  NichiroMapPopover *self = NICHIRO_MAP_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_MAP_POPOVER);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (nichiro_map_popover_parent_class)->dispose (object);
}

static void
nichiro_map_popover_class_init (NichiroMapPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_map_popover_dispose;

  /**
   * NichiroMapPopover::entry-activated:
   * @self: the popover
   * @entry_id: the id of the entry a row named
   *
   * A row was activated: the reader wants to read its entry.
   */
  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-map-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroMapPopover, title_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroMapPopover, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroMapPopover, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
nichiro_map_popover_init (NichiroMapPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
nichiro_map_popover_new (void)
{
  return g_object_new (NICHIRO_TYPE_MAP_POPOVER, NULL);
}

/**
 * nichiro_map_popover_show_area:
 * @self: a popover
 * @session: the session whose names it uses
 * @area: the area
 * @julian_day: the day the map shows; its change is marked
 *
 * Lists @area's changes of holder, oldest first.
 */
void
nichiro_map_popover_show_area (NichiroMapPopover *self,
                               NichiroSession    *session,
                               const NichiroArea *area,
                               gint64             julian_day)
{
  NichiroDataset *dataset = nichiro_session_get_dataset (session);
  NichiroLanguage language = nichiro_language_get_interface ();
  NichiroLanguage title_language = nichiro_session_get_title_language (session);
  const NichiroAreaChange *current = nichiro_area_get_change_on (area, julian_day);
  GtkListBoxRow *current_row = NULL;

  g_return_if_fail (NICHIRO_IS_MAP_POPOVER (self));

  clear (self, session);
  gtk_label_set_label (self->title_label, nichiro_area_get_name (area, language));
  gtk_label_set_label (self->subtitle_label,
                       g_dngettext (GETTEXT_PACKAGE, "One change of holder. Choose it to read the instrument.",
                                    "Its changes of holder. Choose one to read the instrument it rests on.",
                                    area->n_changes));

  for (guint i = 0; i < area->n_changes; i++)
    {
      const NichiroAreaChange *change = &area->changes[i];
      g_autofree char *date = nichiro_date_format (&change->date);
      g_autofree char *heading = NULL;
      g_autofree char *citation = nichiro_territory_dup_citation (dataset, change->entry, change->article, title_language);
      GtkWidget *row = make_row (change->entry);
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      /* Translators: a change of holder in the map's popover: "15 October 1905 — Japan, by treaty" */
      heading = g_strdup_printf (_("%s — %s, %s"), date,
                                 nichiro_territory_holder_name (dataset, change->holder, language),
                                 nichiro_area_status_get_label (change->status));
      add_label (box, heading, "heading");
      add_label (box, change->status_text, NULL);
      add_label (box, citation, "accent");
      if (change->note != NULL)
        add_label (box, change->note, "dim-label");

      if (change == current)
        {
          add_label (box, _("In force on the day the map shows"), "success");
          gtk_widget_add_css_class (row, "nichiro-map-current");
          current_row = GTK_LIST_BOX_ROW (row);
        }
      gtk_list_box_append (self->list, row);
    }

  if (current == NULL)
    {
      GtkWidget *row = make_row (NULL);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      add_label (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)),
                 _("On the day the map shows, no treaty had assigned it yet."), "dim-label");
      gtk_list_box_prepend (self->list, row);
    }

  gtk_popover_set_default_widget (GTK_POPOVER (self), current_row ? GTK_WIDGET (current_row) : NULL);
}

/**
 * nichiro_map_popover_show_place:
 * @self: a popover
 * @session: the session whose names it uses
 * @place: the place
 * @entries: (element-type NichiroEntry): what happened there, in date order
 */
void
nichiro_map_popover_show_place (NichiroMapPopover  *self,
                                NichiroSession     *session,
                                const NichiroPlace *place,
                                GPtrArray          *entries)
{
  NichiroLanguage language = nichiro_language_get_interface ();

  g_return_if_fail (NICHIRO_IS_MAP_POPOVER (self));

  clear (self, session);
  gtk_label_set_label (self->title_label, nichiro_place_get_name (place, language));
  gtk_label_set_label (self->subtitle_label, _("What happened here. Choose one to read it."));

  for (guint i = 0; i < entries->len; i++)
    {
      NichiroEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *date = nichiro_entry_dup_date_label (entry);
      GtkWidget *row = make_row (nichiro_entry_get_id (entry));
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      add_label (box, nichiro_session_get_title (session, entry), "heading");
      add_label (box, date, "dim-label");
      gtk_list_box_append (self->list, row);
    }

  gtk_popover_set_default_widget (GTK_POPOVER (self), NULL);
}
