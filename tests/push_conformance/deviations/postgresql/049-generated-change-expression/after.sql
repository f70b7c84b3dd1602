CREATE TABLE public.boxes (
    id integer NOT NULL,
    w integer,
    h integer,
    area integer GENERATED ALWAYS AS ((w + h)) STORED
);
CREATE SEQUENCE public.boxes_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.boxes_id_seq OWNED BY public.boxes.id;
ALTER TABLE ONLY public.boxes ALTER COLUMN id SET DEFAULT nextval('public.boxes_id_seq'::regclass);
ALTER TABLE ONLY public.boxes
    ADD CONSTRAINT boxes_pkey PRIMARY KEY (id);
