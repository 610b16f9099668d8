/**
 * Shared infrastructure every module may use: the database (embedded or external PostgreSQL),
 * security, localisation and the API's error format. It owns no business domain.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.motcua.platform;
