package vn.motcua.questions.internal;

/** Who calls: a signed-in account (citizen or officer) or nobody (anonymous). */
public record Who(String username, String displayName, boolean citizen, boolean admin) {

    public static final Who ANONYMOUS = new Who(null, null, false, false);

    public boolean anonymous() {
        return username == null;
    }

    public boolean officer() {
        return username != null && !citizen;
    }
}
