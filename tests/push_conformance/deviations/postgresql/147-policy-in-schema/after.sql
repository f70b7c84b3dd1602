CREATE SCHEMA priv;
CREATE TABLE priv.t (
    id integer NOT NULL,
    owner text
);
CREATE SEQUENCE priv.t_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE priv.t_id_seq OWNED BY priv.t.id;
ALTER TABLE ONLY priv.t ALTER COLUMN id SET DEFAULT nextval('priv.t_id_seq'::regclass);
ALTER TABLE ONLY priv.t
    ADD CONSTRAINT t_pkey PRIMARY KEY (id);
CREATE POLICY priv_t_sel ON priv.t FOR SELECT USING ((owner = CURRENT_USER));
ALTER TABLE priv.t ENABLE ROW LEVEL SECURITY;
