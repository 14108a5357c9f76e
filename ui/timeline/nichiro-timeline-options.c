/* nichiro-timeline-options.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-timeline-private.h"

/* Grouping and filtering the lanes: a popover from the button in the
 * canvas's corner, made when first opened, with the ways to group (all
 * together, by kind, by thread) and a check for each kind and each thread
 * of the dataset. What it sets are NichiroTimeline's properties, which
 * the window keeps in settings, and which are handed to the canvas as it
 * understands them. */

/* The kinds as settings and properties name them, in
 * NichiroTimelineCategory's order. */
static const char * const kind_names[NICHIRO_TIMELINE_N_CATEGORIES] = {
  [NICHIRO_TIMELINE_CATEGORY_INSTRUMENTS] = "instruments",
  [NICHIRO_TIMELINE_CATEGORY_CONFLICTS] = "conflicts",
  [NICHIRO_TIMELINE_CATEGORY_EVENTS] = "events",
};

static const char * const kind_labels[NICHIRO_TIMELINE_N_CATEGORIES] = {
  [NICHIRO_TIMELINE_CATEGORY_INSTRUMENTS] = N_("_Treaties and agreements"),
  [NICHIRO_TIMELINE_CATEGORY_CONFLICTS] = N_("_Wars and battles"),
  [NICHIRO_TIMELINE_CATEGORY_EVENTS] = N_("_Events, conferences and missions"),
};

static const struct
{
  const char *name;
  const char *label;
  NichiroTimelineGrouping grouping;
} groupings[] = {
  { "none", N_("_All Together"), NICHIRO_TIMELINE_GROUP_BY_NONE },
  { "kind", N_("By _Kind"), NICHIRO_TIMELINE_GROUP_BY_KIND },
  { "thread", N_("By T_hread"), NICHIRO_TIMELINE_GROUP_BY_THREAD },
};

/* Hands the properties to the canvas. */
void
_nichiro_timeline_apply_options (NichiroTimeline *self)
{
  NichiroTimelineGrouping grouping = NICHIRO_TIMELINE_GROUP_BY_NONE;
  guint hidden = 0;

  if (self->canvas == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (groupings); i++)
    if (g_strcmp0 (self->group_by, groupings[i].name) == 0)
      grouping = groupings[i].grouping;

  for (guint c = 0; c < NICHIRO_TIMELINE_N_CATEGORIES; c++)
    if (self->hidden_kinds != NULL && g_strv_contains ((const char * const *) self->hidden_kinds, kind_names[c]))
      hidden |= 1u << c;

  nichiro_timeline_canvas_set_grouping (self->canvas, grouping);
  nichiro_timeline_canvas_set_filter (self->canvas, hidden, (const char * const *) self->hidden_threads);
}

static gboolean
is_hidden (char       **list,
           const char  *name)
{
  return list != NULL && g_strv_contains ((const char * const *) list, name);
}

/* The checks show what the properties say. */
void
_nichiro_timeline_sync_option_buttons (NichiroTimeline *self)
{
  if (self->option_buttons == NULL)
    return;

  for (guint i = 0; i < self->option_buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->option_buttons, i);
      const char *grouping = g_object_get_data (G_OBJECT (button), "nichiro-grouping");
      const char *kind = g_object_get_data (G_OBJECT (button), "nichiro-kind");
      const char *thread = g_object_get_data (G_OBJECT (button), "nichiro-thread");
      gboolean active;

      if (grouping != NULL)
        active = g_strcmp0 (grouping, self->group_by) == 0;
      else if (kind != NULL)
        active = !is_hidden (self->hidden_kinds, kind);
      else
        active = !is_hidden (self->hidden_threads, thread);

      if (gtk_check_button_get_active (button) != active)
        gtk_check_button_set_active (button, active);
    }
}

/* @list with @name in or out. */
static char **
dup_toggled (char       **list,
             const char  *name,
             gboolean     in)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (g_strcmp0 (list[i], name) != 0)
      g_strv_builder_add (builder, list[i]);
  if (in)
    g_strv_builder_add (builder, name);

  return g_strv_builder_end (builder);
}

static void
option_toggled_cb (NichiroTimeline *self,
                   GtkCheckButton  *button)
{
  const char *grouping = g_object_get_data (G_OBJECT (button), "nichiro-grouping");
  const char *kind = g_object_get_data (G_OBJECT (button), "nichiro-kind");
  const char *thread = g_object_get_data (G_OBJECT (button), "nichiro-thread");
  gboolean active = gtk_check_button_get_active (button);

  if (grouping != NULL)
    {
      if (active)
        nichiro_timeline_set_group_by (self, grouping);
    }
  else if (kind != NULL)
    {
      g_auto(GStrv) kinds = dup_toggled (self->hidden_kinds, kind, !active);

      nichiro_timeline_set_hidden_kinds (self, (const char * const *) kinds);
    }
  else if (thread != NULL)
    {
      g_auto(GStrv) threads = dup_toggled (self->hidden_threads, thread, !active);

      nichiro_timeline_set_hidden_threads (self, (const char * const *) threads);
    }
}

static GtkWidget *
add_heading (GtkWidget  *box,
             const char *text)
{
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                     "label", text,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     "xalign", 0.0f,
                                     NULL);

  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  return heading;
}

static GtkCheckButton *
add_check (NichiroTimeline *self,
           GtkWidget       *box,
           const char      *label,
           gboolean         use_underline,
           const char      *key,
           const char      *value)
{
  GtkWidget *button = use_underline ? gtk_check_button_new_with_mnemonic (label) : gtk_check_button_new_with_label (label);

  g_object_set_data_full (G_OBJECT (button), key, g_strdup (value), g_free);
  g_signal_connect_object (button, "toggled", G_CALLBACK (option_toggled_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->option_buttons, button);
  gtk_box_append (GTK_BOX (box), button);
  return GTK_CHECK_BUTTON (button);
}

static void
create_options_cb (GtkMenuButton *menu_button,
                   gpointer       user_data)
{
  NichiroTimeline *self = NICHIRO_TIMELINE (user_data);
  NichiroDataset *dataset = self->session != NULL ? nichiro_session_get_dataset (self->session) : NULL;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *threads_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkCheckButton *first = NULL;

  if (self->option_buttons == NULL)
    self->option_buttons = g_ptr_array_new ();
  g_ptr_array_set_size (self->option_buttons, 0);

  add_heading (box, _("Group Lanes"));
  for (guint i = 0; i < G_N_ELEMENTS (groupings); i++)
    {
      GtkCheckButton *button = add_check (self, box, _(groupings[i].label), TRUE, "nichiro-grouping", groupings[i].name);

      if (first == NULL)
        first = button;
      else
        gtk_check_button_set_group (button, first);
    }

  add_heading (box, _("Show"));
  for (guint c = 0; c < NICHIRO_TIMELINE_N_CATEGORIES; c++)
    add_check (self, box, _(kind_labels[c]), TRUE, "nichiro-kind", kind_names[c]);

  if (dataset != NULL)
    {
      guint n_threads;
      const NichiroThread *threads = nichiro_dataset_get_threads (dataset, &n_threads);
      NichiroLanguage language = nichiro_session_get_title_language (self->session);

      add_heading (box, _("Threads"));
      for (guint t = 0; t < n_threads; t++)
        add_check (self, threads_box, nichiro_thread_get_name (&threads[t], language), FALSE, "nichiro-thread", threads[t].id);
      add_check (self, threads_box, _("Entries of no thread"), FALSE, "nichiro-thread", NICHIRO_TIMELINE_NO_THREAD);

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 260);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), threads_box);
      gtk_box_append (GTK_BOX (box), scroller);
    }

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Group and Filter Lanes"),
                                  -1);
  _nichiro_timeline_sync_option_buttons (self);

  /* Made again for another session: its threads may differ. */
  gtk_menu_button_set_popover (menu_button, popover);
}

void
_nichiro_timeline_init_options (NichiroTimeline *self)
{
  gtk_menu_button_set_create_popup_func (self->options_button, create_options_cb, self, NULL);
}
