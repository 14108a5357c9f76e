/* window-fixture.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "nichiro-search-hit.h"
#include "nichiro-test-ui.h"
#include "window-fixture.h"

/* What the window's tests share: a real window on the test's private X
 * display over the small dataset, and ways to find its lists and labels. */

NichiroDataset *dataset;
GtkWidget *shown_window;

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->session = nichiro_session_new (dataset, NULL);
  fixture->window = nichiro_window_new (NULL, fixture->session);
  shown_window = GTK_WIDGET (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  shown_window = NULL;
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->session);
}

GtkLabel *
find_visible_label (Fixture    *fixture,
                    const char *text)
{
  GtkWidget *label = nichiro_test_find_shown_label (GTK_WIDGET (fixture->window), text);

  return label ? GTK_LABEL (label) : NULL;
}

/* The list of entries, or with @results the list of search results. */
GtkListView *
find_list (GtkWidget *root,
           gboolean   results)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found;

      if (GTK_IS_LIST_VIEW (child))
        {
          GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (child));
          GListModel *model = GTK_IS_SINGLE_SELECTION (selection)
                              ? gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)) : NULL;
          gboolean holds_hits = model != NULL && g_list_model_get_item_type (model) == NICHIRO_TYPE_SEARCH_HIT;
          gboolean holds_entries = model == nichiro_dataset_get_entries (dataset);

          if (results ? holds_hits : holds_entries)
            return GTK_LIST_VIEW (child);
        }

      found = find_list (child, results);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The "All" list, shown as a reader would show it: it fills itself then. */
GtkSingleSelection *
get_selection (Fixture *fixture)
{
  GtkWidget *views = nichiro_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK, NULL);
  GtkListView *list;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (views), "entries");
  list = find_list (GTK_WIDGET (fixture->window), FALSE);

  g_assert_nonnull (list);
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
}

GtkSingleSelection *
get_results (Fixture *fixture)
{
  GtkListView *list = find_list (GTK_WIDGET (fixture->window), TRUE);

  g_assert_nonnull (list);
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
}

gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

void
wait_for_label (Fixture    *fixture,
                const char *text)
{
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->window), text);
}
