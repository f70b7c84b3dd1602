const A = <div className="x" />;
