/* window-fixture.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-session.h"
#include "nichiro-window.h"

G_BEGIN_DECLS

/* The small dataset, loaded by each test program's main(), and the window
 * a test has on screen. */
extern NichiroDataset *dataset;
extern GtkWidget *shown_window;

typedef struct
{
  NichiroSession *session;
  NichiroWindow *window;
} Fixture;

void                fixture_set_up     (Fixture       *fixture,
                                        gconstpointer  data);
void                fixture_tear_down  (Fixture       *fixture,
                                        gconstpointer  data);
GtkLabel           *find_visible_label (Fixture       *fixture,
                                        const char    *text);
GtkListView        *find_list          (GtkWidget     *root,
                                        gboolean       results);
GtkSingleSelection *get_selection      (Fixture       *fixture);
GtkSingleSelection *get_results        (Fixture       *fixture);
gboolean            is_mapped          (gpointer       data);
void                wait_for_label     (Fixture       *fixture,
                                        const char    *text);

G_END_DECLS
