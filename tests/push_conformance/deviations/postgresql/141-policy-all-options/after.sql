CREATE TABLE public.docs (
    id integer NOT NULL,
    owner text
);
CREATE SEQUENCE public.docs_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.docs_id_seq OWNED BY public.docs.id;
ALTER TABLE ONLY public.docs ALTER COLUMN id SET DEFAULT nextval('public.docs_id_seq'::regclass);
ALTER TABLE ONLY public.docs
    ADD CONSTRAINT docs_pkey PRIMARY KEY (id);
ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_default ON public.docs;
CREATE POLICY docs_update_own ON public.docs AS RESTRICTIVE FOR UPDATE TO dp USING ((owner = CURRENT_USER)) WITH CHECK ((owner = CURRENT_USER));
