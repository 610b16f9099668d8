/** The public portal's pages: home, sign-in, and the citizen's own space. */
package vn.motcua.portal;
