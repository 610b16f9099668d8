/** The officers' workbench shell: their home page and inbox. */
package vn.motcua.workbench;
