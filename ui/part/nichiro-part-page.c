/* nichiro-part-page.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-part-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-part-page.h"
#include "nichiro-ui-utils.h"

#include <string.h>

/* The page of a chapter part, shown in the content area while the
 * session's part is set: what the part is about (its summary, in the
 * interface's language), how far the reader is in it (with a way to mark
 * it all studied), its key instruments, who signed them, and the reader's
 * notes in it. Other features add sections of their own below
 * (nichiro_part_page_add_section()). The window builds it when a part is
 * first chosen. */

#define ENTRY_SCHEME "nichiro-entry:"
#define PERSON_SCHEME "nichiro-person:"

struct _NichiroPartPage
{
  GtkWidget parent_instance;

  NichiroSession *session;
  GSignalGroup *session_signals;

  /* What the last "Mark Part Studied" marked, for its Undo. */
  GStrv marked;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkLabel *number_label;
  GtkLabel *title_label;
  GtkLabel *period_label;
  GtkLabel *summary_label;
  GtkWidget *progress_box;
  GtkLevelBar *progress_bar;
  GtkLabel *progress_label;
  GtkWidget *mark_button;
  GtkWidget *instruments_box;
  GtkListBox *instruments_list;
  GtkWidget *people_box;
  GtkLabel *people_label;
  GtkWidget *notes_box;
  GtkBox *notes_list;
  GtkBox *more_sections;
};

G_DEFINE_FINAL_TYPE (NichiroPartPage, nichiro_part_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean activate_link_cb (NichiroPartPage *self,
                                  const char      *uri);

static const NichiroPart *
get_part (NichiroPartPage *self)
{
  const char *id = self->session ? nichiro_session_get_part (self->session) : NULL;

  return id ? nichiro_dataset_lookup_part (nichiro_session_get_dataset (self->session), id) : NULL;
}

static NichiroStudyStore *
get_writable_store (NichiroPartPage *self)
{
  NichiroStudyStore *store = nichiro_session_get_store (self->session);

  return store != NULL && !nichiro_study_store_get_read_only (store) ? store : NULL;
}

/* The part's entries, in the dataset's order (by date). */
static GPtrArray *
dup_part_entries (NichiroPartPage   *self,
                  const NichiroPart *part)
{
  GListModel *entries = nichiro_dataset_get_entries (nichiro_session_get_dataset (self->session));
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (nichiro_entry_get_part (entry), part->id) == 0)
        g_ptr_array_add (found, g_steal_pointer (&entry));
    }

  return found;
}

static void
remove_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_LIST_BOX (widget))
        gtk_list_box_remove (GTK_LIST_BOX (widget), child);
      else
        gtk_box_remove (GTK_BOX (widget), child);
    }
}

static void
show_progress (NichiroPartPage   *self,
               const NichiroPart *part)
{
  NichiroStudyStore *store = nichiro_session_get_store (self->session);
  g_autofree char *text = NULL;
  guint studied = 0, total = 0;

  gtk_widget_set_visible (self->progress_box, store != NULL);
  if (store == NULL)
    return;

  nichiro_study_store_count_part (store, nichiro_session_get_dataset (self->session), part->id, &studied, &total);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u entry studied", "%u of %u entries studied", total),
                          studied, total);
  gtk_label_set_text (self->progress_label, text);
  gtk_level_bar_set_value (self->progress_bar, total > 0 ? (double) studied / total : 0.0);
  gtk_widget_set_visible (self->mark_button, studied < total);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "part.mark-studied",
                                 get_writable_store (self) != NULL && studied < total);
}

static GtkWidget *
new_instrument_row (NichiroPartPage *self,
                    NichiroEntry    *entry)
{
  NichiroStudyStore *store = nichiro_session_get_store (self->session);
  g_autofree char *date = nichiro_entry_dup_date_label (entry);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nichiro_session_get_title (self->session, entry));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (entry), g_object_unref);

  if (store != NULL && nichiro_study_store_get_studied (store, nichiro_session_get_dataset_id (self->session),
                                                        nichiro_entry_get_id (entry)))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_add_css_class (icon, "nichiro-study-studied");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Studied"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
show_instruments (NichiroPartPage *self,
                  GPtrArray       *entries)
{
  guint n = 0;

  remove_children (GTK_WIDGET (self->instruments_list));
  for (guint i = 0; i < entries->len; i++)
    {
      NichiroEntry *entry = g_ptr_array_index (entries, i);

      if (!nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (entry)))
        continue;
      gtk_list_box_append (self->instruments_list, new_instrument_row (self, entry));
      n++;
    }
  gtk_widget_set_visible (self->instruments_box, n > 0);
}

/* Who signed the part's entries, in the order they first signed, each a
 * link to a search for what they signed. */
static void
show_people (NichiroPartPage *self,
             GPtrArray       *entries)
{
  NichiroDataset *dataset = nichiro_session_get_dataset (self->session);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) markup = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      const NichiroSignatory *signatories;
      guint n;

      signatories = nichiro_entry_get_signatories (g_ptr_array_index (entries, i), &n);
      for (guint s = 0; s < n; s++)
        {
          const NichiroPerson *person = nichiro_dataset_lookup_person (dataset, signatories[s].person_id);
          g_autofree char *uri = NULL;
          g_autofree char *link = NULL;

          if (person == NULL || !g_hash_table_add (seen, person->id))
            continue;

          uri = g_strconcat (PERSON_SCHEME, person->id, NULL);
          link = nichiro_markup_link (uri, nichiro_person_get_name (person, nichiro_language_get_interface ()));
          if (markup->len > 0)
            g_string_append (markup, " · ");
          g_string_append (markup, link);
        }
    }

  gtk_label_set_markup (self->people_label, markup->str);
  gtk_widget_set_visible (self->people_box, markup->len > 0);
}

static void
show_notes (NichiroPartPage *self,
            GPtrArray       *entries)
{
  NichiroStudyStore *store = nichiro_session_get_store (self->session);
  guint n = 0;

  remove_children (GTK_WIDGET (self->notes_list));
  for (guint i = 0; store != NULL && i < entries->len; i++)
    {
      NichiroEntry *entry = g_ptr_array_index (entries, i);
      const char *note = nichiro_study_store_get_note (store, nichiro_session_get_dataset_id (self->session),
                                                       nichiro_entry_get_id (entry));
      g_autofree char *uri = NULL;
      g_autofree char *link = NULL;
      GtkWidget *box, *title, *text;

      if (note == NULL || note[0] == '\0')
        continue;

      uri = g_strconcat (ENTRY_SCHEME, nichiro_entry_get_id (entry), NULL);
      link = nichiro_markup_link (uri, nichiro_session_get_title (self->session, entry));
      title = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (title), link);
      gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      g_signal_connect_object (title, "activate-link", G_CALLBACK (activate_link_cb), self, G_CONNECT_SWAPPED);

      text = gtk_label_new (note);
      gtk_label_set_xalign (GTK_LABEL (text), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), text);
      gtk_box_append (self->notes_list, box);
      n++;
    }
  gtk_widget_set_visible (self->notes_box, n > 0);
}

static void
show_part (NichiroPartPage *self)
{
  const NichiroPart *part = get_part (self);
  NichiroLanguage language = nichiro_language_get_interface ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *number = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *period = NULL;
  guint n_parts;

  /* Keep what was shown while the content area shows an entry. */
  if (part == NULL)
    return;

  nichiro_dataset_get_parts (nichiro_session_get_dataset (self->session), &n_parts);
  /* Translators: above a chapter part's title, e.g. "Part 2 of 8" */
  number = g_strdup_printf (_("Part %u of %u"), part->number, n_parts);
  gtk_label_set_text (self->number_label, number);
  gtk_label_set_text (self->title_label, nichiro_part_get_title (part, language));

  start = nichiro_date_format_short (&part->start);
  end = nichiro_date_format_short (&part->end);
  if (g_strcmp0 (start, end) != 0)
    /* Translators: the years a part of the chapter covers */
    period = g_strdup_printf (_("%s–%s"), start, end);
  gtk_label_set_text (self->period_label, period ? period : start);

  gtk_label_set_text (self->summary_label, nichiro_part_get_summary (part, language));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), nichiro_part_get_summary (part, language) != NULL);

  entries = dup_part_entries (self, part);
  show_progress (self, part);
  show_instruments (self, entries);
  show_people (self, entries);
  show_notes (self, entries);
}

static void
part_changed_cb (NichiroPartPage *self)
{
  if (get_part (self) == NULL)
    return;

  show_part (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
}

static void
study_changed_cb (NichiroPartPage *self,
                  const char      *entry_id)
{
  const NichiroPart *part = get_part (self);
  NichiroEntry *entry;

  if (part == NULL)
    return;

  /* Only a change in this part, or in the whole store, shows anew. */
  entry = entry_id ? nichiro_dataset_lookup_entry (nichiro_session_get_dataset (self->session), entry_id) : NULL;
  if (entry_id != NULL && (entry == NULL || g_strcmp0 (nichiro_entry_get_part (entry), part->id) != 0))
    return;

  show_part (self);
}

static gboolean
activate_link_cb (NichiroPartPage *self,
                  const char      *uri)
{
  if (g_str_has_prefix (uri, ENTRY_SCHEME))
    {
      nichiro_session_select_id (self->session, uri + strlen (ENTRY_SCHEME));
      return TRUE;
    }

  if (g_str_has_prefix (uri, PERSON_SCHEME))
    {
      g_autofree char *query = g_strdup_printf ("signer:%s", uri + strlen (PERSON_SCHEME));

      gtk_widget_activate_action (GTK_WIDGET (self), "win.search-for", "s", query);
      return TRUE;
    }

  return TRUE;
}

static void
instrument_activated_cb (NichiroPartPage *self,
                         GtkListBoxRow   *row)
{
  NichiroEntry *entry = g_object_get_data (G_OBJECT (row), "entry");

  if (entry != NULL && self->session != NULL)
    nichiro_session_set_selected (self->session, entry);
}

/* Says @toast in the window, if the page is in one; takes @toast. */
static void
show_toast (NichiroPartPage *self,
            AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static gboolean
set_studied (NichiroPartPage    *self,
             const char * const *ids,
             gboolean            studied)
{
  NichiroStudyStore *store = get_writable_store (self);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; store != NULL && ids != NULL && ids[i] != NULL && error == NULL; i++)
    nichiro_study_store_set_studied (store, nichiro_session_get_dataset_id (self->session), ids[i], studied, &error);

  /* Saving is the store's to report ("save-failed"); this is a store that
   * will take no change. */
  if (error != NULL)
    show_toast (self, nichiro_toast_new (error->message));

  return error == NULL;
}

static void
undo_clicked_cb (NichiroPartPage *self)
{
  g_auto(GStrv) marked = g_steal_pointer (&self->marked);

  set_studied (self, (const char * const *) marked, FALSE);
}

/* Marks what is not yet studied, and offers to take back exactly that. */
static void
mark_studied_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NichiroPartPage *self = NICHIRO_PART_PAGE (widget);
  NichiroStudyStore *store = get_writable_store (self);
  const NichiroPart *part = get_part (self);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GStrvBuilder) marked = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint n;

  if (store == NULL || part == NULL)
    return;

  entries = dup_part_entries (self, part);
  for (guint i = 0; i < entries->len; i++)
    {
      const char *id = nichiro_entry_get_id (g_ptr_array_index (entries, i));

      if (!nichiro_study_store_get_studied (store, nichiro_session_get_dataset_id (self->session), id))
        g_strv_builder_add (marked, id);
    }
  ids = g_strv_builder_end (marked);
  if (ids[0] == NULL)
    return;

  if (!set_studied (self, (const char * const *) ids, TRUE))
    return;
  g_strfreev (self->marked);
  self->marked = g_steal_pointer (&ids);

  n = g_strv_length (self->marked);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry marked studied", "%u entries marked studied", n), n);
  toast = nichiro_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, G_CONNECT_SWAPPED);
  show_toast (self, toast);
}

static void
nichiro_part_page_dispose (GObject *object)
{
  NichiroPartPage *self = (NichiroPartPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_PART_PAGE);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->marked, g_strfreev);

  G_OBJECT_CLASS (nichiro_part_page_parent_class)->dispose (object);
}

static void
nichiro_part_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NichiroPartPage *self = NICHIRO_PART_PAGE (object);

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
nichiro_part_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  NichiroPartPage *self = NICHIRO_PART_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nichiro_part_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_part_page_class_init (NichiroPartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_part_page_dispose;
  object_class->get_property = nichiro_part_page_get_property;
  object_class->set_property = nichiro_part_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "part.mark-studied", NULL, mark_studied_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-part-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroPartPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, NichiroPartPage, number_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroPartPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroPartPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroPartPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroPartPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, NichiroPartPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, NichiroPartPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroPartPage, mark_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroPartPage, instruments_box);
  gtk_widget_class_bind_template_child (widget_class, NichiroPartPage, instruments_list);
  gtk_widget_class_bind_template_child (widget_class, NichiroPartPage, people_box);
  gtk_widget_class_bind_template_child (widget_class, NichiroPartPage, people_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroPartPage, notes_box);
  gtk_widget_class_bind_template_child (widget_class, NichiroPartPage, notes_list);
  gtk_widget_class_bind_template_child (widget_class, NichiroPartPage, more_sections);
  gtk_widget_class_bind_template_callback (widget_class, instrument_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_link_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nichiro-part-page");
}

static void
nichiro_part_page_init (NichiroPartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (NICHIRO_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::part",
                                 G_CALLBACK (part_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::title-language",
                                 G_CALLBACK (show_part), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "study-changed",
                                 G_CALLBACK (study_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::store",
                                 G_CALLBACK (show_part), self, G_CONNECT_SWAPPED);
}

GtkWidget *
nichiro_part_page_new (void)
{
  return g_object_new (NICHIRO_TYPE_PART_PAGE, NULL);
}

/**
 * nichiro_part_page_get_session:
 * @self: a part page
 *
 * Returns: (transfer none) (nullable): the session whose part is shown
 */
NichiroSession *
nichiro_part_page_get_session (NichiroPartPage *self)
{
  g_return_val_if_fail (NICHIRO_IS_PART_PAGE (self), NULL);

  return self->session;
}

/**
 * nichiro_part_page_set_session:
 * @self: a part page
 * @session: (nullable): the session: its #NichiroSession:part is shown
 */
void
nichiro_part_page_set_session (NichiroPartPage *self,
                               NichiroSession  *session)
{
  g_return_if_fail (NICHIRO_IS_PART_PAGE (self));

  if (nichiro_session_follow (G_OBJECT (self), properties[PROP_SESSION], &self->session, self->session_signals, session))
    part_changed_cb (self);
}

/**
 * nichiro_part_page_add_section:
 * @self: a part page
 * @section: a widget that follows the session's part itself
 *
 * Adds a section below the reader's notes: the place for what other
 * features know of a part (the self-test's cards due from it, the map as
 * the part leaves the frontier). The section follows
 * #NichiroSession:part on its own and hides itself when it has nothing
 * to say of a part.
 */
void
nichiro_part_page_add_section (NichiroPartPage *self,
                               GtkWidget       *section)
{
  g_return_if_fail (NICHIRO_IS_PART_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (section));

  gtk_box_append (self->more_sections, section);
  gtk_widget_set_visible (GTK_WIDGET (self->more_sections), TRUE);
}
