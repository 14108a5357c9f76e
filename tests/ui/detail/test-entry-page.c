/* test-entry-page.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nichiro-aside-layout.h"
#include "nichiro-entry-page.h"
#include "nichiro-study-panel.h"
#include "nichiro-test-ui.h"
#include "nichiro-window.h"

/* The entry's page in the real window, with the bundled dataset, at the
 * size a laptop gives it: what opens the page, the links from both ends,
 * the keyboard and what a screen reader hears. */

static NichiroDataset *dataset;

typedef struct
{
  NichiroSession *session;
  NichiroWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->session = nichiro_session_new (dataset, NULL);
  fixture->window = nichiro_window_new (NULL, fixture->session);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->session);
}

static NichiroEntryPage *
get_page (Fixture *fixture)
{
  GtkWidget *page = nichiro_test_find_widget (GTK_WIDGET (fixture->window), NICHIRO_TYPE_ENTRY_PAGE, NULL);

  g_assert_nonnull (page);
  return NICHIRO_ENTRY_PAGE (page);
}

typedef struct
{
  Fixture *fixture;
  const char *id;
} Shown;

/* The entry is on screen and laid out. */
static gboolean
entry_shown (gpointer data)
{
  Shown *shown = data;
  GtkWidget *page = nichiro_test_find_widget (GTK_WIDGET (shown->fixture->window), NICHIRO_TYPE_ENTRY_PAGE, NULL);
  NichiroEntry *entry = page ? nichiro_entry_page_get_entry (NICHIRO_ENTRY_PAGE (page)) : NULL;

  return entry != NULL && g_str_equal (nichiro_entry_get_id (entry), shown->id) &&
         gtk_widget_get_mapped (page) && gtk_widget_get_width (page) > 0;
}

static void
show_entry (Fixture    *fixture,
            const char *id)
{
  Shown shown = { fixture, id };

  g_assert_true (nichiro_session_select_id (fixture->session, id));
  nichiro_test_wait_for (GTK_WIDGET (fixture->window), entry_shown, &shown);
  /* A few frames, so that the page is where it will stay. */
  for (guint i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

static GtkWidget *
shown_label (Fixture    *fixture,
             const char *text)
{
  GtkWidget *label = nichiro_test_find_shown_label (GTK_WIDGET (get_page (fixture)), text);

  if (label == NULL)
    {
      nichiro_test_print_labels (GTK_WIDGET (get_page (fixture)));
      g_error ("no label “%s” on the page", text);
    }

  return label;
}

/* The bottom of the first line of @label, in @viewport's coordinates. */
static double
first_line_bottom (GtkWidget *label,
                   GtkWidget *viewport)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle line;
  graphene_rect_t bounds;
  int offset_y;

  pango_layout_iter_get_line_extents (iter, NULL, &line);
  pango_layout_iter_free (iter);
  gtk_label_get_layout_offsets (GTK_LABEL (label), NULL, &offset_y);
  g_assert_true (gtk_widget_compute_bounds (label, viewport, &bounds));

  return bounds.origin.y + offset_y + (double) (line.y + line.height) / PANGO_SCALE;
}

/* At 1280×800, the Treaty of Portsmouth opens on its dates, signature,
 * ratification and entry into force, and the start of its summary, all
 * in view without scrolling; the study tools stand beside them. */
static void
test_content_first (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char *dates[] = {
    "5 September 1905 (23 August O.S.)",
    "14 October 1905 (1 October O.S.)",
    "15 October 1905 (2 October O.S.)",
  };
  NichiroEntry *treaty = nichiro_dataset_lookup_entry (dataset, "portsmouth-1905");
  GtkWidget *viewport, *summary, *panel;
  GdkSurface *surface;
  graphene_rect_t bounds, panel_bounds;
  double height;

  show_entry (fixture, "portsmouth-1905");
  /* The window as the screen has it, its frame included. */
  surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  g_assert_cmpint (gdk_surface_get_width (surface), ==, 1280);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, 800);

  viewport = gtk_widget_get_ancestor (GTK_WIDGET (get_page (fixture)), GTK_TYPE_SCROLLED_WINDOW);
  height = gtk_widget_get_height (viewport);
  g_test_message ("the detail view is %d × %.0f", gtk_widget_get_width (viewport), height);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_assert_true (gtk_widget_compute_bounds (shown_label (fixture, dates[i]), viewport, &bounds));
      g_test_message ("%s: %.0f to %.0f", dates[i], bounds.origin.y, bounds.origin.y + bounds.size.height);
      g_assert_cmpfloat (bounds.origin.y, >=, 0);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, height);
    }

  summary = shown_label (fixture, nichiro_entry_get_summary (treaty));
  g_test_message ("the summary's first line ends at %.0f", first_line_bottom (summary, viewport));
  g_assert_cmpfloat (first_line_bottom (summary, viewport), <=, height);

  /* The study tools are a column of their own, from the top. */
  panel = nichiro_test_find_widget (GTK_WIDGET (get_page (fixture)), NICHIRO_TYPE_STUDY_PANEL, NULL);
  g_assert_true (nichiro_aside_layout_is_wide (NICHIRO_ASIDE_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (get_page (fixture))))));
  g_assert_true (gtk_widget_compute_bounds (panel, viewport, &panel_bounds));
  g_assert_true (gtk_widget_compute_bounds (summary, viewport, &bounds));
  g_assert_cmpfloat (panel_bounds.origin.x, >, bounds.origin.x + bounds.size.width);
  g_assert_cmpfloat (panel_bounds.origin.y, <, height / 2);
}

/* In a narrow window the study tools come after the summary, in the one
 * column. */
static void
test_narrow_aside (Fixture       *fixture,
                   gconstpointer  data)
{
  NichiroEntry *treaty = nichiro_dataset_lookup_entry (dataset, "portsmouth-1905");
  GtkWidget *page, *panel, *summary;
  graphene_rect_t panel_bounds, summary_bounds;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 560, 800);
  show_entry (fixture, "portsmouth-1905");
  page = GTK_WIDGET (get_page (fixture));
  panel = nichiro_test_find_widget (page, NICHIRO_TYPE_STUDY_PANEL, NULL);
  summary = shown_label (fixture, nichiro_entry_get_summary (treaty));

  g_assert_false (nichiro_aside_layout_is_wide (NICHIRO_ASIDE_LAYOUT (gtk_widget_get_layout_manager (page))));
  g_assert_true (gtk_widget_compute_bounds (panel, page, &panel_bounds));
  g_assert_true (gtk_widget_compute_bounds (summary, page, &summary_bounds));
  g_assert_cmpfloat (panel_bounds.origin.y, >, summary_bounds.origin.y + summary_bounds.size.height);
}

/* The rows of the Related list, the page's first list. */
static GPtrArray *
related_rows (Fixture *fixture)
{
  GtkWidget *list = nichiro_test_find_widget (GTK_WIDGET (get_page (fixture)), GTK_TYPE_LIST_BOX, NULL);
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_nonnull (list);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, "Related");
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (rows, row);

  return rows;
}

/* Whether @to's row for @from_id reads @relation from @to's end: @to says
 * nothing of @from_id itself, or only "see also" where @relation says more. */
static gboolean
shows_inverse (NichiroEntry    *to,
               const char      *from_id,
               NichiroRelation  relation)
{
  const NichiroRelated *related;
  guint n;

  related = nichiro_entry_get_related (to, &n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (related[i].id, from_id))
      return related[i].relation == NICHIRO_RELATION_SEE_ALSO;

  return TRUE;
}

/* For every type of relation the bundled dataset uses, an entry that
 * something points at lists it as a link with the relation read from its
 * own end: "Superseded by", "Answered by", "Includes"… */
static void
test_relations_both_ends (Fixture       *fixture,
                          gconstpointer  data)
{
  GListModel *entries = nichiro_dataset_get_entries (dataset);
  guint n_entries = g_list_model_get_n_items (entries);

  for (NichiroRelation relation = 0; relation < NICHIRO_N_RELATIONS; relation++)
    {
      g_autofree char *expected = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      NichiroEntry *source = NULL, *target = NULL;
      gboolean found = FALSE;

      /* A relation whose other end says nothing back: the link there can
       * only come from reading it the other way round. */
      for (guint i = 0; i < n_entries && target == NULL; i++)
        {
          g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
          const NichiroRelated *related;
          guint n;

          related = nichiro_entry_get_related (entry, &n);
          for (guint r = 0; r < n && target == NULL; r++)
            {
              NichiroEntry *other = nichiro_dataset_lookup_entry (dataset, related[r].id);

              if (related[r].relation == relation && other != NULL &&
                  shows_inverse (other, nichiro_entry_get_id (entry), relation))
                {
                  source = entry;
                  target = other;
                }
            }
        }

      if (target == NULL)
        {
          g_test_message ("%s: every one is answered from the other end", nichiro_relation_to_string (relation));
          continue;
        }

      {
        g_autofree char *date = nichiro_entry_dup_date_label (source);

        expected = g_strdup_printf ("%s: %s, %s", nichiro_relation_get_inverse_label (relation),
                                    nichiro_entry_get_title (source), date);
      }
      show_entry (fixture, nichiro_entry_get_id (target));
      rows = related_rows (fixture);
      for (guint i = 0; i < rows->len && !found; i++)
        {
          g_autofree char *problem = gtk_test_accessible_check_property (rows->pdata[i], GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

          found = problem == NULL;
          if (found)
            gtk_test_accessible_assert_role (rows->pdata[i], GTK_ACCESSIBLE_ROLE_LINK);
        }

      g_test_message ("%s, on %s: %s", nichiro_relation_to_string (relation), nichiro_entry_get_id (target), expected);
      if (!found)
        g_error ("%s lists no link “%s”", nichiro_entry_get_id (target), expected);
    }
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
}

static gboolean
has_text (gpointer data)
{
  return *(char **) data != NULL;
}

static char *
read_clipboard (Fixture *fixture)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), NULL,
                                 clipboard_read_cb, &text);
  nichiro_test_wait_for (GTK_WIDGET (fixture->window), has_text, &text);
  return text;
}

/* Text is for reading and selecting with the pointer, not a stop for Tab;
 * the keyboard copies a section with its Copy button. */
static void
test_copy_sections (Fixture       *fixture,
                    gconstpointer  data)
{
  NichiroEntry *treaty = nichiro_dataset_lookup_entry (dataset, "portsmouth-1905");
  NichiroEntryPage *page;
  g_autofree char *summary = NULL;
  g_autofree char *details = NULL;

  show_entry (fixture, "portsmouth-1905");
  page = get_page (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "entry.copy-section", "s", "summary"));
  summary = read_clipboard (fixture);
  g_assert_cmpstr (summary, ==, nichiro_entry_get_summary (treaty));
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->window), "Summary copied");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "entry.copy-details", NULL));
  details = read_clipboard (fixture);
  g_assert_true (g_str_has_prefix (details, "Treaty of Portsmouth\nポーツマス条約\nПортсмутский мирный договор\n"));
  g_assert_nonnull (strstr (details, "\nSigned: 5 September 1905 (23 August O.S.), Meiji 38\n"));
  g_assert_nonnull (strstr (details, "\nParties: Japan, Russian Empire"));
}

static void
check_not_a_stop (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_is_drawable (child) && gtk_widget_get_can_focus (child) &&
          gtk_widget_get_focusable (child))
        g_error ("the label “%s” is a Tab stop", gtk_label_get_text (GTK_LABEL (child)));
      check_not_a_stop (child);
    }
}

static void
test_text_not_a_stop (Fixture       *fixture,
                      gconstpointer  data)
{
  show_entry (fixture, "portsmouth-1905");
  check_not_a_stop (GTK_WIDGET (get_page (fixture)));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (shown_label (fixture, "5 September 1905 (23 August O.S.)"))));
}

/* Enter on a related entry opens it, and the focus, whose link is gone,
 * lands on the new page, which a screen reader calls by its title. */
static void
test_follow_link_lands_on_page (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *row = NULL;

  show_entry (fixture, "portsmouth-1905");
  rows = related_rows (fixture);
  for (guint i = 0; i < rows->len && row == NULL; i++)
    {
      g_autofree char *problem = gtk_test_accessible_check_property (rows->pdata[i], GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                     "Responds to: Russo-Japanese War, 8 Feb 1904 – 5 Sep 1905");

      if (problem == NULL)
        row = rows->pdata[i];
    }
  g_assert_nonnull (row);

  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (gtk_widget_activate (row));
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "russo-japanese-war-1904");

  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == GTK_WIDGET (get_page (fixture)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (get_page (fixture)), GTK_ACCESSIBLE_PROPERTY_LABEL, "Russo-Japanese War");

  /* It is a stop only while it has the focus. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (get_page (fixture)), GTK_DIR_TAB_FORWARD));
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (get_page (fixture))));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!nichiro_test_init_display ())
    return 1;

  dataset = nichiro_dataset_new_default (&error);
  g_assert_no_error (error);

#define ADD(name, function) \
  g_test_add ("/nichiro/entry-page/" name, Fixture, NULL, fixture_set_up, function, fixture_tear_down)
  ADD ("content-first", test_content_first);
  ADD ("narrow-aside", test_narrow_aside);
  ADD ("relations-both-ends", test_relations_both_ends);
  ADD ("copy-sections", test_copy_sections);
  ADD ("text-not-a-stop", test_text_not_a_stop);
  ADD ("follow-link-lands-on-page", test_follow_link_lands_on_page);
#undef ADD

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
