/* nichiro-timeline-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-timeline.h"
#include "nichiro-timeline-canvas.h"

G_BEGIN_DECLS

/* What the files of NichiroTimeline share: nichiro-timeline.c builds it
 * and keeps its list; nichiro-timeline-in-force.c the bar under the axis
 * that lists what was in force on the cursor's day;
 * nichiro-timeline-options.c the popover that groups and filters the
 * lanes. */

struct _NichiroTimeline
{
  GtkWidget parent_instance;

  NichiroSession *session;
  GSignalGroup *session_signals;
  GListStore *list_store;
  GtkSingleSelection *list_selection;
  gboolean show_list;

  /* How the lanes are grouped and what is hidden, as settings store them. */
  char *group_by;                 /* "none", "kind" or "thread" */
  char **hidden_kinds;            /* "instruments", "conflicts", "events" */
  char **hidden_threads;          /* thread ids; "" for entries of none */
  GPtrArray *option_buttons;      /* the options popover's check buttons */

  /* Template widgets */
  GtkStack *stack;
  NichiroTimelineCanvas *canvas;
  GtkWidget *tools;
  GtkMenuButton *legend_button;
  GtkMenuButton *options_button;
  GtkRevealer *in_force_revealer;
  GtkLabel *in_force_label;
  GtkMenuButton *in_force_button;
  GtkListView *list_view;

  /* Made on first use */
  GtkListBox *in_force_list;
};

/* nichiro-timeline-in-force.c */
void _nichiro_timeline_update_in_force    (NichiroTimeline *self);
void _nichiro_timeline_init_in_force      (NichiroTimeline *self);

/* nichiro-timeline-options.c */
void _nichiro_timeline_init_options       (NichiroTimeline *self);
void _nichiro_timeline_apply_options      (NichiroTimeline *self);
void _nichiro_timeline_sync_option_buttons (NichiroTimeline *self);

G_END_DECLS
